using System.Globalization;
using System.Net;
using System.Text;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Reports.Html;

/// <summary>A scenario in a comparison, as the report introduces it.</summary>
public sealed record ComparedScenario(string Name, string Question, string Description, string Source, string Directory);

/// <summary>
/// The comparison's report.html: the scenarios and their questions, a table of the reforms' paired
/// differences from the baseline in the last year with their 95% intervals (and the width an
/// unpaired comparison would give), and for each headline metric the levels and the differences
/// over time. Self-contained like the run report.
/// </summary>
public static class ComparisonReport
{
    /// <summary>The comparison report page, self-contained (the plots inlined as SVG).</summary>
    public static string Html(IReadOnlyList<ComparedScenario> scenarios, ComparisonData data, int replications, int households,
        string engine, string version, IReadOnlyDictionary<string, string> svg, IReadOnlyList<Headline>? headlines = null,
        (SensitivitySummary Summary, string ReportDirectory)? sensitivity = null)
    {
        headlines ??= ComparisonPlots.Headlines();
        var sb = new StringBuilder(128 * 1024);
        string money = MoneyBasis.Describe(data.PricesYear);
        AppendIntroduction(sb, scenarios, replications, households, engine, version, money);
        int last = data.Years.Count > 0 ? data.Years[^1] : 0;
        AppendDifferences(sb, scenarios, data, last, headlines);
        if (sensitivity is { } s) sb.Append(s.Summary.Html(s.ReportDirectory));
        ComparisonSections.AppendWinners(sb, scenarios, data, last, svg, money);
        ComparisonSections.AppendRegions(sb, scenarios, data, last, svg, money);
        AppendMetricSections(sb, scenarios, data, svg, last, headlines);
        sb.Append("<footer>Every number is in <code>comparison.csv</code> (paired differences) and in each scenario's <code>summary.csv</code>; definitions in docs/metrics.md.</footer>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The head, the title, how the runs were made and the table of scenarios with links to their reports.</summary>
    private static void AppendIntroduction(StringBuilder sb, IReadOnlyList<ComparedScenario> scenarios, int replications, int households,
        string engine, string version, string money)
    {
        var reformNames = scenarios.Skip(1).Select(s => s.Name).ToArray();
        string reforms = reformNames.Length == 1 ? reformNames[0] : string.Join(", ", reformNames[..^1]) + " and " + reformNames[^1];
        string title = $"EcosystemSim: {reforms} against {scenarios[0].Name}";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
          .Append("<h1>").Append(E(title)).Append("</h1>\n");
        sb.Append("<p class=\"meta\">").Append(E(string.Create(CultureInfo.InvariantCulture,
            $"{replications} replications of {households:N0} simulated households each; replication r of every scenario ran with the same seed, so each difference is paired (common random numbers). Money is {money}. {engine} engine; ecosim {version}.")))
          .Append("</p>\n<table>\n<thead><tr><th></th><th>scenario</th><th>question</th><th>outputs</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < scenarios.Count; i++)
        {
            var s = scenarios[i];
            sb.Append("<tr><td>").Append(i == 0 ? "baseline" : "reform").Append("</td><td>").Append(E(s.Name)).Append("</td><td>").Append(E(s.Question))
              .Append("</td><td><a href=\"").Append(E(s.Directory)).Append("/report.html\">").Append(E(s.Directory)).Append("/</a></td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>The table of each reform's paired difference from the baseline in the last year, per headline metric.</summary>
    private static void AppendDifferences(StringBuilder sb, IReadOnlyList<ComparedScenario> scenarios, ComparisonData data, int last, IReadOnlyList<Headline> headlines)
    {
        sb.Append("<section id=\"differences\">\n<h2>Differences from the baseline in ").Append(last).Append("</h2>\n")
          .Append("<p>Each cell: the reform's mean minus the baseline's, and the 95% interval of the paired differences. ")
          .Append("In brackets, how much wider the interval would be if the same runs were compared unpaired. ")
          .Append(System.Net.WebUtility.HtmlEncode(RunReport.IntervalsNote)).Append("</p>\n<table>\n<thead><tr><th>measure</th><th>")
          .Append(E(scenarios[0].Name)).Append("</th>");
        foreach (var s in scenarios.Skip(1)) sb.Append("<th>").Append(E(s.Name)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var (metric, scope, label, scale, unit) in headlines)
        {
            var baseline = data.Level(scenarios[0].Name, metric, scope, last);
            sb.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(Format(baseline.Mean, scale, unit))).Append("</td>");
            foreach (var s in scenarios.Skip(1))
            {
                var row = data.Difference(s.Name, metric, scope, last);
                sb.Append("<td>").Append(row is null ? "n/a" : E(Difference(row, scale, unit))).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>For each headline metric, its levels and differences plots and a reading of them.</summary>
    private static void AppendMetricSections(StringBuilder sb, IReadOnlyList<ComparedScenario> scenarios, ComparisonData data,
        IReadOnlyDictionary<string, string> svg, int last, IReadOnlyList<Headline> headlines)
    {
        foreach (var h in headlines)
        {
            var (label, scale, unit) = (h.Label, h.Scale, h.Unit);
            sb.Append("<section id=\"").Append(E(h.FileStem)).Append("\">\n<h2>").Append(E(label)).Append("</h2>\n");
            foreach (string kind in new[] { "levels", "differences" })
            {
                if (svg.TryGetValue($"{h.FileStem}_{kind}", out string? image))
                {
                    sb.Append("<img alt=\"").Append(E($"{label}: {kind}")).Append("\" src=\"data:image/svg+xml;base64,")
                      .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(image))).Append("\">\n");
                }
            }
            sb.Append("<p class=\"reading\">").Append(E(Reading(scenarios, data, h, last))).Append("</p>\n</section>\n");
        }
    }

    private static string Reading(IReadOnlyList<ComparedScenario> scenarios, ComparisonData data, Headline h, int last)
    {
        var (label, scale, unit) = (h.Label, h.Scale, h.Unit);
        var parts = new List<string>();
        foreach (var s in scenarios.Skip(1))
        {
            var row = data.Difference(s.Name, h.Metric, h.Scope, last);
            if (row is null || !double.IsFinite(row.Difference.Mean)) continue;
            bool clear = row.Difference.CiLow > 0 || row.Difference.CiHigh < 0;
            parts.Add($"{s.Name} differs from {scenarios[0].Name} by {Signed(row.Difference.Mean * scale, unit)} in {last} " +
                      (clear ? "(the interval excludes zero)" : "(the interval includes zero: no clear difference)"));
        }
        if (parts.Count == 0) return $"{label}: no difference could be measured.";
        var why = scenarios.Skip(1).Select(s => Mechanisms.Trace(data, s.Name, h.Metric, h.Scope, last)).OfType<string>();
        return $"{label}: {string.Join("; ", parts)}. The upper plot shows the levels, the lower the paired differences.{string.Concat(why.Select(w => " " + w))}";
    }

    private static string Difference(ComparisonRow row, double scale, string unit)
    {
        var d = row.Difference;
        if (!double.IsFinite(d.Mean)) return "n/a";
        string text = $"{Signed(d.Mean * scale, unit)} [{Number(d.CiLow * scale, unit)}, {Number(d.CiHigh * scale, unit)}]";
        double paired = d.CiHigh - d.CiLow, unpaired = row.UnpairedHigh - row.UnpairedLow;
        if (double.IsFinite(paired) && double.IsFinite(unpaired) && paired > 0)
        {
            text += $" ({(unpaired / paired).ToString("0.0", CultureInfo.InvariantCulture)}×)";
        }
        return text;
    }

    private static string Format(double value, double scale, string unit) => double.IsFinite(value) ? Number(value * scale, unit) + Suffix(unit) : "n/a";

    private static string Signed(double value, string unit) => (value >= 0 ? "+" : "−") + Number(Math.Abs(value), unit) + (unit == "%" ? " points" : Suffix(unit));

    private static string Suffix(string unit) => unit switch { "%" => "%", "0-1" or "Gini" => "", _ => " " + unit };

    private static string Number(double value, string unit) =>
        !double.IsFinite(value) ? "n/a" : value.ToString(unit is "Gini" or "0-1" ? "0.000" : Math.Abs(value) < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222; background: #fff; margin: 0; }
        main { max-width: 1150px; margin: 0 auto; padding: 1.5rem; }
        .meta, footer { color: #555; font-size: 0.9rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        section { margin-top: 2rem; }
        img { width: 100%; height: auto; border: 1px solid #eee; margin-bottom: 0.5rem; }
        .reading { max-width: 60rem; line-height: 1.5; }
        """;
}
