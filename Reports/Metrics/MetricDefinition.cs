using EcosystemSim.Model;

namespace EcosystemSim.Reports.Metrics;

/// <summary>Where a metric is reported: the regions column of metrics.csv.</summary>
[Flags]
public enum MetricScope
{
    /// <summary>national only.</summary>
    National = 1,

    /// <summary>national and each region.</summary>
    Regions = 2 | National,

    /// <summary>each insurer, as insurer:&lt;id&gt;.</summary>
    Insurer = 4,

    /// <summary>each product, as product:&lt;id&gt;.</summary>
    Product = 8,

    /// <summary>each breakdown of <see cref="PersonGroups"/> (age:60+, household:dibao, ...), nationally: person-based metrics only.</summary>
    Groups = 16,

    /// <summary>each income decile (decile:1 poorest ... decile:10), nationally: metrics of sums only (no distribution within a tenth).</summary>
    Deciles = 32,

    /// <summary>national, each region and each breakdown.</summary>
    RegionsAndGroups = Regions | Groups,

    /// <summary>national, each region, each breakdown and each decile.</summary>
    Everywhere = Regions | Groups | Deciles,
}

/// <summary>A metric, declared once: its name in metrics.csv, unit, meaning, how it is computed, and where it is reported.</summary>
/// <param name="Name">snake_case name, stable: users' code reads it.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Description">What it measures, in a sentence.</param>
/// <param name="Compute">The value for one year and scope.</param>
/// <param name="Scope">Where it is reported.</param>
public sealed record MetricDefinition(string Name, string Unit, string Description, Func<MetricInput, double> Compute,
    MetricScope Scope = MetricScope.Regions);

/// <summary>
/// What a metric sees: the year's records, the scope's totals, the scope's region (none for
/// national rows), and, for insurer and product rows, which insurer or product.
/// </summary>
public sealed record MetricInput(YearRecords Year, RegionTotals Totals)
{
    /// <summary>The insurer of an insurer:&lt;id&gt; row.</summary>
    public int Insurer { get; init; } = -1;

    /// <summary>The product of a product:&lt;id&gt; row.</summary>
    public int Product { get; init; } = -1;

    public double Weight => Year.Weight;

    /// <summary>A ratio, NaN when nothing is in the denominator.</summary>
    public static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    /// <summary>The region of a regional row (null for national and market rows).</summary>
    public Region? Region { get; init; }

    /// <summary>The breakdown of a group row (age:60+, ...; null otherwise): its <see cref="Totals"/> hold the group's persons only.</summary>
    public PersonGroup? Group { get; init; }

    /// <summary>A decile row: its totals are the decile's, and it has no distribution of its own (a metric flagged <see cref="MetricScope.Deciles"/> must not ask for one).</summary>
    public bool SumsOnly { get; init; }

    /// <summary>Per-capita disposable income over persons (household members, bottom-coded) in the scope, grouped by region.</summary>
    public IncomeDistribution Disposable => SumsOnly ? throw new InvalidOperationException("a decile row has no income distribution of its own") : Group is { } g ? Year.Distributions.ForGroup(g, market: false) : Year.Distributions.For(Region, market: false);

    /// <summary>Per-capita market income over persons (bottom-coded) in the scope.</summary>
    public IncomeDistribution Market => SumsOnly ? throw new InvalidOperationException("a decile row has no income distribution of its own") : Group is { } g ? Year.Distributions.ForGroup(g, market: true) : Year.Distributions.For(Region, market: true);

    /// <summary>The national median of per-capita disposable income over persons: relative poverty lines are shares of it in every scope.</summary>
    public double NationalMedian => Year.Distributions.Disposable.Median();

    /// <summary>A rate in one person-weighted quintile of per-capita disposable income (1 = poorest) of the scope.</summary>
    public double RateInQuintile(int quintile, QuintileCount numerator, QuintileCount denominator) =>
        Ratio(Year.Distributions.QuintileSum(Region, quintile, numerator), Year.Distributions.QuintileSum(Region, quintile, denominator));

    /// <summary>Medical top-up uptake in a quintile (0 = poorest) of per-capita disposable income.</summary>
    public double UptakeInQuintile(int quintile) => RateInQuintile(quintile + 1, QuintileCount.MedicalTopUpHolders, QuintileCount.Persons);

    /// <summary>The insurer report of this insurer row.</summary>
    public Model.Market.InsurerYearReport? InsurerReport => Insurer >= 0 && Insurer < Year.Insurers.Count ? Year.Insurers[Insurer] : null;

    /// <summary>This product's year, from its insurer's report.</summary>
    public Model.Market.ProductYear? ProductReport =>
        Year.Insurers.SelectMany(i => i.Products).FirstOrDefault(p => p.Product == Product);
}
