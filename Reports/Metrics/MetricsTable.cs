using System.Globalization;
using System.Text;

namespace EcosystemSim.Reports.Metrics;

/// <summary>The rows of metrics.csv, in the order they were computed, and lookups for plots.</summary>
public sealed class MetricsTable
{
    public const string Header = "replication,year,region,metric,value";

    private readonly List<MetricRow> _rows = [];

    public IReadOnlyList<MetricRow> Rows => _rows;

    public void AddRange(IEnumerable<MetricRow> rows) => _rows.AddRange(rows);

    /// <summary>The tables' rows one after another (replications in order).</summary>
    public static MetricsTable Concat(IEnumerable<MetricsTable> tables)
    {
        var all = new MetricsTable();
        foreach (var t in tables) all._rows.AddRange(t._rows);
        return all;
    }

    /// <summary>The years present, in order.</summary>
    public IReadOnlyList<int> Years => _rows.Select(r => r.Year).Distinct().Order().ToArray();

    /// <summary>(year, value) of one metric and region, replication 0 unless given.</summary>
    public IReadOnlyList<(int Year, double Value)> Series(string metric, string region, int replication = 0) =>
        _rows.Where(r => r.Metric == metric && r.Region == region && r.Replication == replication)
            .Select(r => (r.Year, r.Value)).ToArray();

    /// <summary>The CSV text, invariant culture, LF line ends.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder(Header.Length + _rows.Count * 48);
        sb.Append(Header).Append('\n');
        foreach (var r in _rows)
        {
            sb.Append(r.Replication.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.Region).Append(',')
              .Append(r.Metric).Append(',')
              .Append(FormatValue(r.Value)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Shortest text that reads back as the same double; NaN where a rate has no denominator.</summary>
    public static string FormatValue(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
