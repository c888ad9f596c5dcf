using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Government;

/// <summary>What the central fund publishes for a year.</summary>
[GenerateSerializer, Immutable]
public sealed record NationalPolicy(
    [property: Id(0)] int Year,
    [property: Id(1)] long MinimumPensionMonthlyFen,
    [property: Id(2)] RegionValues<double> CentralShareOfMinimum);

/// <summary>What a local government sets for its county in a year.</summary>
[GenerateSerializer, Immutable]
public sealed record LocalPolicy(
    [property: Id(0)] int CountyId,
    [property: Id(1)] long TopUpMonthlyFen,
    [property: Id(2)] long[] SubsidyByTierFen,
    [property: Id(3)] double MeanIncomePerCapitaYuan);

/// <summary>Last year's county aggregates that households see (peer effects).</summary>
[GenerateSerializer, Immutable]
public sealed record CountyPeers([property: Id(0)] double PensionContributionRate);

/// <summary>
/// Everything a household may see in a year, sent by its local government in one call. One
/// instance serves every household of the county, so within a silo it is never copied.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record YearContext(
    [property: Id(0)] int Year,
    [property: Id(1)] ulong Seed,
    [property: Id(2)] ModelParameters Parameters,
    [property: Id(3)] NationalPolicy National,
    [property: Id(4)] LocalPolicy Local,
    [property: Id(5)] CountyPeers Peers);
