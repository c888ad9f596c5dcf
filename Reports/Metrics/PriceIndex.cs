using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// The model's own price index: consumer prices rise each year by central.price_inflation as it is
/// in force that year (the rate that indexes the poverty line and, under the prices rule, the
/// minimum pension), so the index of year y over year b is the product of (1 + inflation) over the
/// years after b up to y. <c>prices_year</c> (`--prices YEAR`) writes every amount of money in
/// metrics.csv (and so summary.csv, comparison.csv, the reports and household dumps) at that year's
/// prices: a nominal amount of year y is divided by the index of y over the prices year.
/// </summary>
public static class PriceIndex
{
    /// <summary>The price level of <paramref name="year"/> relative to <paramref name="baseYear"/> (1 in the base year).</summary>
    public static double Relative(ParameterTimeline timeline, int year, int baseYear)
    {
        double level = 1;
        for (int t = baseYear + 1; t <= year; t++) level *= 1 + timeline.At(t).Central.PriceInflation;
        for (int t = year + 1; t <= baseYear; t++) level /= 1 + timeline.At(t).Central.PriceInflation;
        return level;
    }

    /// <summary>The index of every year of a run over the prices year, by year.</summary>
    public static IReadOnlyDictionary<int, double> Of(ParameterTimeline timeline, int startYear, int endYear, int pricesYear) =>
        Enumerable.Range(startYear, endYear - startYear + 1).ToDictionary(y => y, y => Relative(timeline, y, pricesYear));

    /// <summary>Whether a metric is an amount of money (its unit is in yuan), which constant prices deflate.</summary>
    public static bool IsMoney(string metric) => MoneyMetrics.Contains(metric);

    private static readonly HashSet<string> MoneyMetrics =
        MetricRegistry.All.Where(m => m.Unit.Contains("yuan", StringComparison.Ordinal)).Select(m => m.Name).ToHashSet();

    /// <summary>The rows with money deflated by <paramref name="index"/> (the year's price level over the prices year); other rows as they are.</summary>
    public static IEnumerable<MetricRow> Deflate(IEnumerable<MetricRow> rows, double index) =>
        index == 1 ? rows : rows.Select(r => IsMoney(r.Metric) ? r with { Value = r.Value / index } : r);
}
