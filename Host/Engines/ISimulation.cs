using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;

namespace EcosystemSim.Host.Engines;

/// <summary>
/// An engine: something that holds a run's agents and advances them a year at a time under the
/// year protocol. The in-process engine and the Orleans engine apply the same rules and must
/// give the same records, bit for bit.
/// </summary>
public interface ISimulation : IAsyncDisposable
{
    /// <summary>Short name recorded in the manifest.</summary>
    string Engine { get; }

    /// <summary>Silos the run used (0 for the in-process engine).</summary>
    int Silos { get; }

    /// <summary>Creates every agent; returns the starting population.</summary>
    Task<PopulationSummary> InitializeAsync(RunPlan plan, CancellationToken cancellationToken);

    /// <summary>Runs one year of the protocol and returns what every county reported.</summary>
    Task<YearOutcome> StepYearAsync(int year, CancellationToken cancellationToken);
}

/// <summary>What a run is: its id, parameters at the start, seed, start year, county layout, and the parameters year by year.</summary>
public sealed record RunPlan(string RunId, ModelParameters Parameters, ulong Seed, int StartYear, int Years, IReadOnlyList<CountySpec> Layout)
{
    public int Households => Layout.Sum(c => c.HouseholdCount);

    /// <summary>The parameters in force each year (the scenario's interventions); constant unless given.</summary>
    public ParameterTimeline Timeline { get; init; } = ParameterTimeline.Constant(Parameters);
}

/// <summary>The population at the start of a run, and the weight: real persons each simulated person stands for.</summary>
public sealed record PopulationSummary(int Households, long Persons, double Weight)
{
    public static double WeightFor(ModelParameters parameters, long persons) =>
        persons == 0 ? throw new InvalidOperationException("the synthetic population has no persons") : parameters.Population.RuralPopulation / persons;
}

/// <summary>A year's reports, in county id order, the insurers' reports in insurer order, and the national accounts.</summary>
public sealed record YearOutcome(int Year, IReadOnlyList<CountyYearReport> Counties, IReadOnlyList<InsurerYearReport> Insurers, NationalAccounts National);
