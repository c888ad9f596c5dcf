using System.Globalization;
using EcosystemSim.Reports.Output;

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

    /// <summary>(year, value) of one metric and region, replication 0 unless given, in row order.</summary>
    public IReadOnlyList<(int Year, double Value)> Series(string metric, string region, int replication = 0) =>
        Index().TryGetValue((metric, region, replication), out var series) ? series.ToArray() : [];

    private Dictionary<(string Metric, string Region, int Replication), List<(int Year, double Value)>>? _index;
    private int _indexedRows;

    /// <summary>
    /// Every series by metric, region and replication, built once for the rows present (the plots and
    /// the report read a few hundred series: one pass, not one scan of every row each); readers on
    /// several threads at once are safe (the plots are drawn at once), a reader beside a writer is not.
    /// </summary>
    private Dictionary<(string Metric, string Region, int Replication), List<(int Year, double Value)>> Index()
    {
        lock (_rows)
        {
            if (_index is null || _indexedRows != _rows.Count)
            {
                var index = new Dictionary<(string, string, int), List<(int, double)>>();
                foreach (var r in _rows)
                {
                    if (!index.TryGetValue((r.Metric, r.Region, r.Replication), out var series)) index[(r.Metric, r.Region, r.Replication)] = series = [];
                    series.Add((r.Year, r.Value));
                }
                (_index, _indexedRows) = (index, _rows.Count);
            }
            return _index;
        }
    }

    /// <summary>The columns of <see cref="Header"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = Header.Split(',');

    /// <summary>The CSV text, invariant culture, LF line ends.</summary>
    public string ToCsv() => Csv.ToText(Header.Length + 1 + _rows.Count * 48, WriteCsv);

    /// <summary>Writes the CSV text (see <see cref="Csv"/>) to <paramref name="writer"/>, left open.</summary>
    public void WriteCsv(TextWriter writer)
    {
        using var csv = Csv.Writer(writer, Columns);
        foreach (var r in _rows)
        {
            csv.WriteRow(r.Replication.ToString(CultureInfo.InvariantCulture), r.Year.ToString(CultureInfo.InvariantCulture),
                r.Region, r.Metric, FormatValue(r.Value));
        }
    }

    /// <summary>Shortest text that reads back as the same double; NaN where a rate has no denominator.</summary>
    public static string FormatValue(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
