using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Protocol;

/// <summary>
/// What every agent of a run is created from: the seed, the first year and the parameters in force
/// year by year. The starting state is built from the parameters in force in the start year, so an
/// intervention dated in the start year holds from the first day for households, counties, insurers
/// and the central fund alike.
/// </summary>
[GenerateSerializer, Immutable, Alias("ecosim.RunSetup")]
public sealed record RunSetup([property: Id(0)] ulong Seed, [property: Id(1)] int StartYear, [property: Id(2)] ParameterTimeline Timeline)
{
    /// <summary>
    /// Whether every agent keeps its own record of each year (for the lab's inspector: what a
    /// household, county or insurer did so far). Off for batch runs: the records cost memory and
    /// the metrics do not need them kept. It changes nothing the agents decide.
    /// </summary>
    [Id(3)]
    public bool KeepHistory { get; init; }

    /// <summary>The parameters in force in the start year (the scenario's own with the interventions dated then).</summary>
    public ModelParameters StartParameters => Timeline.At(StartYear);
}

/// <summary>A county at the start of a run: its households and persons, and what insurers may know of it.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.CountyStart")]
public sealed record CountyStart(
    [property: Id(0)] int CountyId,
    [property: Id(1)] int Households,
    [property: Id(2)] long Persons,
    [property: Id(3)] CountySummary Summary);

/// <summary>A county's year: its households' records in id order, and its ledger.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.CountyYearReport")]
public sealed record CountyYearReport(
    [property: Id(0)] int CountyId,
    [property: Id(1)] int Year,
    [property: Id(2)] HouseholdYearRecord[] Households,
    [property: Id(3)] CountyLedger Ledger);

/// <summary>The population at the start of a run, and the weight: real persons each simulated person stands for.</summary>
public sealed record PopulationSummary(int Households, long Persons, double Weight);

/// <summary>A year's reports, in county id order, the insurers' reports in insurer order, and the national accounts.</summary>
public sealed record YearOutcome(int Year, IReadOnlyList<CountyYearReport> Counties, IReadOnlyList<InsurerYearReport> Insurers, NationalAccounts National);
