using EcosystemSim.Model;

namespace EcosystemSim.Reports.Metrics;

/// <summary>A metric, declared once: its name in metrics.csv, unit, meaning, and how it is computed.</summary>
/// <param name="Name">snake_case name, stable: users' code reads it.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Description">What it measures, in a sentence.</param>
/// <param name="Compute">The value for one year and region.</param>
public sealed record MetricDefinition(string Name, string Unit, string Description, Func<MetricInput, double> Compute);

/// <summary>What a metric sees: the year's records, the region's totals, and which households are in the region.</summary>
public sealed record MetricInput(YearRecords Year, RegionTotals Totals, Func<Region, bool> Include)
{
    private (double Value, double Weight)[]? _perCapitaDisposable;

    public double Weight => Year.Weight;

    /// <summary>A ratio, NaN when nothing is in the denominator.</summary>
    public static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    /// <summary>(per-capita disposable income, persons) of every non-empty household in the region, in household id order.</summary>
    public (double Value, double Weight)[] PerCapitaDisposable() => _perCapitaDisposable ??= Year.Households
        .Where(r => r.Members > 0 && Include(r.Region))
        .Select(r => (Money.ToYuan(r.DisposableIncomeFen) / r.Members, (double)r.Members))
        .ToArray();
}
