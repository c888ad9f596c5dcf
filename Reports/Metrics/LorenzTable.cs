using System.Globalization;
using EcosystemSim.Model;
using EcosystemSim.Reports.Output;

namespace EcosystemSim.Reports.Metrics;

/// <summary>One point of a Lorenz curve: the income share of the poorest population share.</summary>
public readonly record struct LorenzPoint(int Replication, int Year, string Region, string Income, double PopulationShare, double IncomeShare);

/// <summary>
/// lorenz.csv: Lorenz curves of per-capita market and disposable income over persons, for the nation
/// and each region, every year, at population shares 0, 0.01, ..., 1.
/// </summary>
public sealed class LorenzTable
{
    public const string Header = "replication,year,region,income,population_share,income_share";

    /// <summary>Points per curve, less one.</summary>
    public const int Segments = 100;

    private readonly List<LorenzPoint> _points = [];

    public IReadOnlyList<LorenzPoint> Points => _points;

    /// <summary>The tables' points one after another (replications in order).</summary>
    public static LorenzTable Concat(IEnumerable<LorenzTable> tables)
    {
        var all = new LorenzTable();
        foreach (var t in tables) all._points.AddRange(t._points);
        return all;
    }

    /// <summary>Adds points computed before (a checkpoint's years).</summary>
    public void AddRange(IEnumerable<LorenzPoint> points) => _points.AddRange(points);

    /// <summary>Adds the year's curves.</summary>
    public void Add(YearRecords year, int replication)
    {
        foreach (var region in new Region?[] { null, Region.East, Region.Central, Region.West, Region.Northeast })
        {
            string name = region is { } r ? Regions.Name(r) : "national";
            foreach (var (income, market) in new[] { ("market", true), ("post_transfer", false) })
            {
                var d = year.Distributions.For(region, market);
                if (d.Count == 0) continue;
                foreach (var (p, l) in d.LorenzPoints(Segments)) _points.Add(new LorenzPoint(replication, year.Year, name, income, p, l));
            }
        }
    }

    /// <summary>One curve, in order of population share.</summary>
    public IReadOnlyList<(double PopulationShare, double IncomeShare)> Curve(int year, string region, string income, int replication = 0) =>
        _points.Where(p => p.Year == year && p.Region == region && p.Income == income && p.Replication == replication)
            .Select(p => (p.PopulationShare, p.IncomeShare)).ToArray();

    /// <summary>The columns of <see cref="Header"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = Header.Split(',');

    /// <summary>The CSV text, invariant culture, LF line ends.</summary>
    public string ToCsv() => Csv.ToText(Header.Length + 1 + _points.Count * 48, WriteCsv);

    /// <summary>Writes the CSV text (see <see cref="Csv"/>) to <paramref name="writer"/>, left open.</summary>
    public void WriteCsv(TextWriter writer)
    {
        using var csv = Csv.Writer(writer, Columns);
        foreach (var p in _points)
        {
            csv.WriteRow(p.Replication.ToString(CultureInfo.InvariantCulture), p.Year.ToString(CultureInfo.InvariantCulture),
                p.Region, p.Income, p.PopulationShare.ToString("R", CultureInfo.InvariantCulture), MetricsTable.FormatValue(p.IncomeShare));
        }
    }
}
