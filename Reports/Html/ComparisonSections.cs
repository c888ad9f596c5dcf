using System.Globalization;
using System.Net;
using System.Text;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Reports.Html;

/// <summary>
/// The comparison report's distributional sections: who wins and who loses (the paired change in
/// mean disposable income by income decile and by age group) and the regions (each region's
/// income, local spending, reserves and counties cutting, and the Theil index split between and
/// within regions), each a table and a chart.
/// </summary>
public static class ComparisonSections
{
    /// <summary>The measure of who wins and who loses: mean per-capita disposable (post-transfer) income.</summary>
    public const string IncomeMetric = "mean_income_per_capita_yuan";

    /// <summary>The deciles, poorest first, with their axis labels.</summary>
    public static IReadOnlyList<(string Scope, string Label)> Deciles { get; } =
        Enumerable.Range(1, 10).Select(d => ($"decile:{d}", d.ToString(CultureInfo.InvariantCulture))).ToArray();

    /// <summary>The fixed age groups, with their axis labels.</summary>
    public static IReadOnlyList<(string Scope, string Label)> Ages { get; } = [("age:0-15", "0-15"), ("age:16-59", "16-59"), ("age:60+", "60+")];

    /// <summary>The four regions, with their axis labels.</summary>
    public static IReadOnlyList<(string Scope, string Label)> Regions { get; } =
        Model.Regions.All.Select(r => (Model.Regions.Name(r), Model.Regions.Name(r))).ToArray();

    /// <summary>The regional measures: metric, column heading, scale and unit.</summary>
    public static IReadOnlyList<(string Metric, string Heading, double Scale, string Unit)> RegionalMeasures { get; } =
    [
        (IncomeMetric, "Disposable income per person", 1, "yuan a year"),
        ("local_spending_yuan", "Local spending", 1e-9, "billion yuan a year"),
        ("local_reserve_yuan", "Local reserves", 1e-9, "billion yuan"),
        ("counties_cutting_share", "Counties cutting benefits", 100, "%"),
    ];

    /// <summary>The Theil split, national.</summary>
    public static IReadOnlyList<(string Metric, string Heading)> TheilMeasures { get; } =
        [("theil_t", "Theil T"), ("theil_between_regions", "between regions"), ("theil_within_regions", "within regions")];

    /// <summary>The charts of these sections, by file stem, for the last year.</summary>
    public static IEnumerable<(string Name, OxyPlot.PlotModel Plot)> Plots(ComparisonData d, int last, string money)
    {
        yield return ("winners_deciles", ComparisonPlots.ByScope(d, $"Change in disposable income by income decile, {last} (paired, 95% band)",
            $"Yuan per person a year ({money})", IncomeMetric, 1, last, Deciles));
        yield return ("winners_ages", ComparisonPlots.ByScope(d, $"Change in disposable income by age, {last} (paired, 95% interval)",
            $"Yuan per person a year ({money})", IncomeMetric, 1, last, Ages, ordered: false));
        yield return ("regions_local_spending", ComparisonPlots.ByScope(d, $"Change in local spending by region, {last} (paired, 95% interval)",
            $"Billion yuan a year ({money})", "local_spending_yuan", 1e-9, last, Regions, ordered: false));
        yield return ("regions_theil_between", ComparisonPlots.Differences(d, "theil_between_regions", "Theil between regions", 1, "index"));
    }

    /// <summary>Who wins and who loses: the change in mean disposable income by decile and by age group.</summary>
    public static void AppendWinners(StringBuilder sb, IReadOnlyList<ComparedScenario> scenarios, ComparisonData data, int last,
        IReadOnlyDictionary<string, string> svg, string money)
    {
        sb.Append("<section id=\"winners\">\n<h2>Who wins and who loses in ").Append(last).Append("</h2>\n")
          .Append("<p>Mean disposable income per person (after public transfers, contributions and premiums; ").Append(E(money))
          .Append(") of each income decile and age group under the baseline, and each reform's paired change with its 95% interval and as a share of the baseline. ")
          .Append("Deciles rank each run's own households by disposable income per person, so decile 1 is the poorest tenth under each policy.</p>\n");
        sb.Append("<table>\n<thead><tr><th>residents</th><th>").Append(E(scenarios[0].Name)).Append("</th>");
        foreach (var s in scenarios.Skip(1)) sb.Append("<th>").Append(E(s.Name)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var (scope, label) in Deciles.Select(x => (x.Scope, "decile " + x.Label)).Concat(Ages.Select(x => (x.Scope, "aged " + x.Label))))
        {
            var baseline = data.Level(scenarios[0].Name, IncomeMetric, scope, last);
            sb.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(Yuan(baseline.Mean))).Append("</td>");
            foreach (var s in scenarios.Skip(1))
            {
                var row = data.Difference(s.Name, IncomeMetric, scope, last);
                sb.Append("<td>").Append(E(Change(row, 1, baseline.Mean))).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        AppendImages(sb, svg, ("winners_deciles", "Change in disposable income by decile"), ("winners_ages", "Change in disposable income by age"));
        sb.Append("</section>\n");
    }

    /// <summary>The regions: each reform's paired changes by region, and the Theil split.</summary>
    public static void AppendRegions(StringBuilder sb, IReadOnlyList<ComparedScenario> scenarios, ComparisonData data, int last,
        IReadOnlyDictionary<string, string> svg, string money)
    {
        sb.Append("<section id=\"regions\">\n<h2>Regions in ").Append(last).Append("</h2>\n")
          .Append("<p>Each cell: the baseline's level, then the reform's paired change with its 95% interval (money ").Append(E(money)).Append(").</p>\n");
        foreach (var s in scenarios.Skip(1))
        {
            sb.Append("<h3>").Append(E(s.Name)).Append(" against ").Append(E(scenarios[0].Name)).Append("</h3>\n<table>\n<thead><tr><th>region</th>");
            foreach (var m in RegionalMeasures) sb.Append("<th>").Append(E($"{m.Heading} ({m.Unit})")).Append("</th>");
            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (var (scope, label) in Regions.Append(("national", "national")))
            {
                sb.Append("<tr><td>").Append(E(label)).Append("</td>");
                foreach (var (metric, _, scale, unit) in RegionalMeasures)
                {
                    var baseline = data.Level(scenarios[0].Name, metric, scope, last);
                    sb.Append("<td>").Append(E(Number(baseline.Mean * scale))).Append("<br><small>")
                      .Append(E(Change(data.Difference(s.Name, metric, scope, last), scale, double.NaN, unit == "%"))).Append("</small></td>");
                }
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }
        sb.Append("<p>Inequality of disposable income per person between and within the four regions (Theil T; between + within = total):</p>\n")
          .Append("<table>\n<thead><tr><th>index</th><th>").Append(E(scenarios[0].Name)).Append("</th>");
        foreach (var s in scenarios.Skip(1)) sb.Append("<th>").Append(E(s.Name)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var (metric, heading) in TheilMeasures)
        {
            sb.Append("<tr><td>").Append(E(heading)).Append("</td><td>").Append(E(Index(data.Level(scenarios[0].Name, metric, "national", last).Mean))).Append("</td>");
            foreach (var s in scenarios.Skip(1)) sb.Append("<td>").Append(E(IndexChange(data.Difference(s.Name, metric, "national", last)))).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        AppendImages(sb, svg, ("regions_local_spending", "Change in local spending by region"), ("regions_theil_between", "Theil between regions: reform minus baseline"));
        sb.Append("</section>\n");
    }

    private static void AppendImages(StringBuilder sb, IReadOnlyDictionary<string, string> svg, params (string Name, string Alt)[] images)
    {
        foreach (var (name, alt) in images)
        {
            if (!svg.TryGetValue(name, out string? image)) continue;
            sb.Append("<img alt=\"").Append(E(alt)).Append("\" src=\"data:image/svg+xml;base64,")
              .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(image))).Append("\">\n");
        }
    }

    /// <summary>A paired change with its interval, and as a share of <paramref name="baseline"/> when that is finite; in points for percentages.</summary>
    private static string Change(ComparisonRow? row, double scale, double baseline, bool points = false)
    {
        if (row is null || !double.IsFinite(row.Difference.Mean)) return "n/a";
        var d = row.Difference;
        string text = $"{Signed(d.Mean * scale)}{(points ? " points" : "")} [{Number(d.CiLow * scale)}, {Number(d.CiHigh * scale)}]";
        if (double.IsFinite(baseline) && baseline != 0) text += $" ({(d.Mean / baseline * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture)}%)";
        return text;
    }

    private static string IndexChange(ComparisonRow? row) => row is null || !double.IsFinite(row.Difference.Mean) ? "n/a"
        : $"{(row.Difference.Mean >= 0 ? "+" : "−")}{Index(Math.Abs(row.Difference.Mean))} [{Index(row.Difference.CiLow)}, {Index(row.Difference.CiHigh)}]";

    private static string Index(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    private static string Yuan(double value) => double.IsFinite(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : "n/a";

    private static string Signed(double value) => (value >= 0 ? "+" : "−") + Number(Math.Abs(value));

    private static string Number(double value) =>
        !double.IsFinite(value) ? "n/a" : value.ToString(Math.Abs(value) < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
