using EcosystemSim.Model;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// A breakdown of the residents for person-based metrics: the scope's name in metrics.csv's region
/// column and how many of a household's members belong to it. Every member of a household shares
/// its per-capita income, so a person-based measure over a group weighs each household by its
/// members in the group.
/// </summary>
public sealed record PersonGroup(string Name, string Description, PersonGroup.MembersOf Members)
{
    /// <summary>How many of a household's members belong to the group (the record read in place, not copied).</summary>
    public delegate int MembersOf(in HouseholdYearRecord household);
}

/// <summary>The breakdowns of metrics.csv (docs/metrics.md): by age band and by household type, nationally.</summary>
public static class PersonGroups
{
    public static IReadOnlyList<PersonGroup> All { get; } =
    [
        new("age:0-15", "residents under 16", (in HouseholdYearRecord r) => r.AgedUnder16),
        new("age:16-59", "residents aged 16 to 59", (in HouseholdYearRecord r) => r.Members - r.AgedUnder16 - r.Aged60Plus),
        new("age:60+", "residents aged 60 or more", (in HouseholdYearRecord r) => r.Aged60Plus),
        new("household:elderly_only", "residents of households whose members are all 60 or more", (in HouseholdYearRecord r) => r.Aged60Plus == r.Members ? r.Members : 0),
        new("household:with_children", "residents of households with a member under 16", (in HouseholdYearRecord r) => r.AgedUnder16 > 0 ? r.Members : 0),
        new("household:dibao", "residents of households receiving dibao", (in HouseholdYearRecord r) => r.DibaoReceiving ? r.Members : 0),
    ];

    /// <summary>
    /// Each breakdown within each region (`breakdowns: regions`), as REGION/BREAKDOWN: the same members,
    /// counted only in households of the region. Region by region, then breakdown by breakdown.
    /// </summary>
    public static IReadOnlyList<PersonGroup> ByRegion { get; } =
    [
        .. Regions.All.SelectMany(region => All.Select(g => new PersonGroup($"{Regions.Name(region)}/{g.Name}", $"{g.Description} in the {Regions.Name(region)}",
            (in HouseholdYearRecord r) => r.Region == region ? g.Members(r) : 0))),
    ];

    /// <summary>
    /// The ten deciles (decile:1 poorest): whole households ranked by per-capita disposable income
    /// over persons (<see cref="YearDistributions.Deciles"/>). Each run ranks its own households, so a
    /// comparison of a decile is of the poorest tenth under each policy, not of the same households.
    /// Their totals come from <see cref="RegionTotals.ByDecile"/>, in one pass.
    /// </summary>
    public static IReadOnlyList<string> DecileNames { get; } = [.. Enumerable.Range(1, 10).Select(d => $"decile:{d}")];
}
