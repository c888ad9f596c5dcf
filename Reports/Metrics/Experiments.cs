using System.Globalization;
using EcosystemSim.Reports.Output;

namespace EcosystemSim.Reports.Metrics;

/// <summary>One row of summary.csv: a metric across replications.</summary>
public sealed record SummaryRow(int Year, string Region, string Metric, Interval Value);

/// <summary>One row of comparison.csv: a scenario against the baseline, paired by replication seed.</summary>
public sealed record ComparisonRow(
    string Scenario, int Year, string Region, string Metric,
    double BaselineMean, double ScenarioMean, Interval Difference, double UnpairedLow, double UnpairedHigh);

/// <summary>summary.csv: the mean, sd and 95% interval of every metric across replications.</summary>
public sealed class SummaryTable
{
    public const string Header = "year,region,metric,mean,sd,ci_low,ci_high,n";

    public IReadOnlyList<SummaryRow> Rows { get; }

    private SummaryTable(IReadOnlyList<SummaryRow> rows) => Rows = rows;

    /// <summary>Summarises the replications' tables (one table per replication, any order of rows).</summary>
    public static SummaryTable Of(IReadOnlyList<MetricsTable> replications)
    {
        var keys = Keys(replications);
        var values = ValuesByKey(replications);
        return new SummaryTable(keys.Select(k => new SummaryRow(k.Year, k.Region, k.Metric, Statistics.Summarise(values[k]))).ToArray());
    }

    /// <summary>The (year, region, metric) keys in the order of the first replication's rows, then any others.</summary>
    internal static List<(int Year, string Region, string Metric)> Keys(IReadOnlyList<MetricsTable> tables)
    {
        var seen = new HashSet<(int, string, string)>();
        var keys = new List<(int, string, string)>();
        foreach (var table in tables)
        {
            foreach (var r in table.Rows)
            {
                if (seen.Add((r.Year, r.Region, r.Metric))) keys.Add((r.Year, r.Region, r.Metric));
            }
        }
        return keys;
    }

    /// <summary>For each key, one value per table (NaN where a table lacks it), in table order.</summary>
    internal static Dictionary<(int Year, string Region, string Metric), double[]> ValuesByKey(IReadOnlyList<MetricsTable> tables)
    {
        var values = new Dictionary<(int, string, string), double[]>();
        for (int t = 0; t < tables.Count; t++)
        {
            foreach (var r in tables[t].Rows)
            {
                var key = (r.Year, r.Region, r.Metric);
                if (!values.TryGetValue(key, out var array))
                {
                    array = Enumerable.Repeat(double.NaN, tables.Count).ToArray();
                    values[key] = array;
                }
                array[t] = r.Value;
            }
        }
        return values;
    }

    /// <summary>The columns of <see cref="Header"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = Header.Split(',');

    /// <summary>The CSV text, invariant culture, LF line ends.</summary>
    public string ToCsv() => Csv.ToText(Header.Length + 1 + Rows.Count * 80, WriteCsv);

    /// <summary>Writes the CSV text (see <see cref="Csv"/>) to <paramref name="writer"/>, left open.</summary>
    public void WriteCsv(TextWriter writer)
    {
        using var csv = Csv.Writer(writer, Columns);
        foreach (var r in Rows)
        {
            csv.WriteRow(r.Year.ToString(CultureInfo.InvariantCulture), r.Region, r.Metric, F(r.Value.Mean), F(r.Value.Sd), F(r.Value.CiLow),
                F(r.Value.CiHigh), r.Value.N.ToString(CultureInfo.InvariantCulture));
        }
    }

    internal static string F(double x) => MetricsTable.FormatValue(x);
}

/// <summary>
/// comparison.csv: each scenario against the baseline, replication by replication (the same seeds, so
/// common random numbers): the mean difference and its 95% interval from the paired differences, and
/// for reference the Welch interval an unpaired comparison of the same runs would give.
/// </summary>
public sealed class ComparisonTable
{
    public const string Header = "scenario,year,region,metric,baseline_mean,scenario_mean,diff_mean,diff_ci_low,diff_ci_high,n,unpaired_ci_low,unpaired_ci_high";

    public IReadOnlyList<ComparisonRow> Rows { get; }

    private ComparisonTable(IReadOnlyList<ComparisonRow> rows) => Rows = rows;

    /// <summary>
    /// Compares scenarios with the baseline; <paramref name="baseline"/> and each scenario's tables are
    /// indexed by replication, and replication r of every one ran with the same seed.
    /// </summary>
    public static ComparisonTable Of(IReadOnlyList<MetricsTable> baseline, IReadOnlyList<(string Name, IReadOnlyList<MetricsTable> Replications)> scenarios)
    {
        var baseValues = SummaryTable.ValuesByKey(baseline);
        var rows = new List<ComparisonRow>();
        foreach (var (name, replications) in scenarios)
        {
            if (replications.Count != baseline.Count) throw new ArgumentException($"{name} has {replications.Count} replications, the baseline {baseline.Count}");
            var values = SummaryTable.ValuesByKey(replications);
            foreach (var key in SummaryTable.Keys([.. baseline, .. replications]))
            {
                var b = baseValues.GetValueOrDefault(key) ?? Enumerable.Repeat(double.NaN, baseline.Count).ToArray();
                var s = values.GetValueOrDefault(key) ?? Enumerable.Repeat(double.NaN, baseline.Count).ToArray();
                // Pairs where both runs measured the metric.
                var pairs = Enumerable.Range(0, b.Length).Where(i => double.IsFinite(b[i]) && double.IsFinite(s[i])).ToArray();
                var diff = Statistics.Summarise(pairs.Select(i => s[i] - b[i]).ToArray());
                var baseStats = Statistics.Summarise(pairs.Select(i => b[i]).ToArray());
                var scenarioStats = Statistics.Summarise(pairs.Select(i => s[i]).ToArray());
                var (low, high) = Statistics.WelchInterval(baseStats, scenarioStats);
                rows.Add(new ComparisonRow(name, key.Year, key.Region, key.Metric, baseStats.Mean, scenarioStats.Mean, diff, low, high));
            }
        }
        return new ComparisonTable(rows);
    }

    /// <summary>The columns of <see cref="Header"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = Header.Split(',');

    /// <summary>The CSV text, invariant culture, LF line ends; a scenario name with a comma, quote or line break is quoted.</summary>
    public string ToCsv() => Csv.ToText(Header.Length + 1 + Rows.Count * 120, WriteCsv);

    /// <summary>Writes the CSV text (see <see cref="Csv"/>) to <paramref name="writer"/>, left open.</summary>
    public void WriteCsv(TextWriter writer)
    {
        using var csv = Csv.Writer(writer, Columns);
        foreach (var r in Rows)
        {
            csv.WriteRow(r.Scenario, r.Year.ToString(CultureInfo.InvariantCulture), r.Region, r.Metric, SummaryTable.F(r.BaselineMean),
                SummaryTable.F(r.ScenarioMean), SummaryTable.F(r.Difference.Mean), SummaryTable.F(r.Difference.CiLow),
                SummaryTable.F(r.Difference.CiHigh), r.Difference.N.ToString(CultureInfo.InvariantCulture), SummaryTable.F(r.UnpairedLow),
                SummaryTable.F(r.UnpairedHigh));
        }
    }
}
