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
/// What a metric sees: the year's records, the scope's totals, which households are in the scope,
/// and, for insurer and product rows, which insurer or product.
/// </summary>
public sealed record MetricInput(YearRecords Year, RegionTotals Totals, Func<Region, bool> Include)
{
    /// <summary>The insurer of an insurer:&lt;id&gt; row.</summary>
    public int Insurer { get; init; } = -1;

    /// <summary>The product of a product:&lt;id&gt; row.</summary>
    public int Product { get; init; } = -1;

    private (double Value, double Weight)[]? _perCapitaDisposable;

    public double Weight => Year.Weight;

    /// <summary>A ratio, NaN when nothing is in the denominator.</summary>
    public static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    /// <summary>(per-capita disposable income, persons) of every non-empty household in the region, in household id order.</summary>
    public (double Value, double Weight)[] PerCapitaDisposable() => _perCapitaDisposable ??= Year.Households
        .Where(r => r.Members > 0 && Include(r.Region))
        .Select(r => (Money.ToYuan(r.DisposableIncomeFen) / r.Members, (double)r.Members))
        .ToArray();

    private double[]? _uptakeByQuintile;

    /// <summary>
    /// Medical top-up uptake in each person-weighted quintile of per-capita disposable income; a household
    /// belongs to the quintile that holds the midpoint of its persons (ties broken by household id).
    /// </summary>
    public double UptakeInQuintile(int quintile)
    {
        if (_uptakeByQuintile is null)
        {
            var households = Year.Households.Where(r => r.Members > 0 && Include(r.Region))
                .OrderBy(r => r.DisposableIncomeFen / (double)r.Members).ThenBy(r => r.HouseholdId).ToArray();
            double total = households.Sum(r => (double)r.Members), below = 0;
            var holders = new double[5];
            var persons = new double[5];
            foreach (var r in households)
            {
                int q = Math.Min(4, (int)((below + r.Members / 2.0) / total * 5));
                holders[q] += r.SupplementaryMedicalHolders;
                persons[q] += r.Members;
                below += r.Members;
            }
            _uptakeByQuintile = holders.Select((h, q) => Ratio(h, persons[q])).ToArray();
        }
        return _uptakeByQuintile[quintile];
    }

    /// <summary>The insurer report of this insurer row.</summary>
    public Model.Market.InsurerYearReport? InsurerReport => Insurer >= 0 && Insurer < Year.Insurers.Count ? Year.Insurers[Insurer] : null;

    /// <summary>This product's year, from its insurer's report.</summary>
    public Model.Market.ProductYear? ProductReport =>
        Year.Insurers.SelectMany(i => i.Products).FirstOrDefault(p => p.Product == Product);
}
