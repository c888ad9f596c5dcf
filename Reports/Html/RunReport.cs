using System.Globalization;
using System.Net;
using System.Text;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Reports.Html;

/// <summary>A policy change as the report lists it.</summary>
public sealed record ReportIntervention(int Year, int Years, string Note, string Changes);

/// <summary>A parameter the scenario sets to something other than its default.</summary>
public sealed record ReportParameter(string Path, string Value, string Default);

/// <summary>What the report says about the run besides its results.</summary>
public sealed record ReportContext
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Question { get; init; } = "";

    /// <summary>The scenario's lesson: when not none, its chart and reading open the report.</summary>
    public Model.Parameters.Lesson Lesson { get; init; }
    public required string Source { get; init; }
    public required ulong Seed { get; init; }
    public required int Households { get; init; }
    public required int StartYear { get; init; }
    public required int EndYear { get; init; }
    public int Replications { get; init; } = 1;
    public required string Engine { get; init; }

    /// <summary>The year whose prices money is in, or 0 for nominal yuan.</summary>
    public int PricesYear { get; init; }

    /// <summary>A sensitivity analysis of the scenario to cite (`--sensitivity DIR`), or null.</summary>
    public SensitivitySummary? Sensitivity { get; init; }

    /// <summary>Where the report is written (for links to other outputs).</summary>
    public string Directory { get; init; } = ".";
    public required string ProgramVersion { get; init; }
    public IReadOnlyList<ReportIntervention> Interventions { get; init; } = [];
    public IReadOnlyList<ReportParameter> ChangedParameters { get; init; } = [];
    public string ParametersJson { get; init; } = "{}";
}

/// <summary>
/// report.html: one self-contained page (no scripts, no network: plots are embedded as SVG data) with
/// the scenario's question and parameters, the headline results, and every plot with a reading.
/// </summary>
public static class RunReport
{
    public const string FileName = "report.html";

    /// <summary>The headline table: metric, label, and how to format its values.</summary>
    public static IReadOnlyList<(string Metric, string Label, Func<double, string> Format)> Headlines { get; } =
    [
        ("pension_contribution_rate", "Pension: contributing, of 16-59", RunPlots.Percent),
        ("pension_recipient_rate", "Pension: receiving, of 60+", RunPlots.Percent),
        ("avg_monthly_pension_yuan", "Average monthly pension", RunPlots.Yuan),
        ("urban_rural_pension_ratio", "Urban over rural pension", RunPlots.Times),
        ("medical_enrollment_rate", "Medical insurance: enrolled", RunPlots.Percent),
        ("medical_oop_share", "Out-of-pocket share of medical spending", RunPlots.Percent),
        ("dibao_recipient_rate", "Dibao: residents receiving", RunPlots.Percent),
        ("supplementary_medical_uptake", "Medical top-up: residents holding", RunPlots.Percent),
        ("mean_income_per_capita_yuan", "Disposable income per person", RunPlots.Yuan),
        ("urban_rural_income_ratio", "Urban over rural income", RunPlots.Times),
        ("gini_post_transfer", "Gini, disposable income", RunPlots.Fixed3),
        ("redistributive_effect", "Redistributive effect (Gini points)", RunPlots.Fixed3),
        ("theil_between_regions", "Theil between regions", RunPlots.Fixed3),
        ("poverty_headcount", "Below the poverty line", RunPlots.Percent),
        ("catastrophic_health_rate", "Households with catastrophic medical spending", RunPlots.Percent),
        ("central_spending_yuan", "Central spending", RunPlots.Billions),
        ("local_spending_yuan", "Local spending", RunPlots.Billions),
        ("fiscal_cost_share_of_income", "Public spending, share of rural market income", RunPlots.Percent),
        ("counties_cutting_share", "Counties cutting benefits", RunPlots.Percent),
        ("avg_trust", "Trust in public schemes (0-1)", RunPlots.Fixed3),
    ];

    /// <summary>What every report says of its intervals.</summary>
    public const string IntervalsNote =
        "Intervals (summary.csv, comparison.csv) are 95% intervals across replications: simulation noise at this scenario's parameters, " +
        "not uncertainty about the parameters themselves, many of which are assumptions with ranges (docs/parameters.md); " +
        "ecosim sensitivity shows which of them drive a result (docs/sensitivity.md).";

    /// <summary>The page. <paramref name="svg"/> holds each plot's SVG text by plot name.</summary>
    public static string Html(ReportContext context, PlotData data, IReadOnlyDictionary<string, string> svg)
    {
        var sb = new StringBuilder(64 * 1024);
        string title = $"EcosystemSim: {context.Name}";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");

        sb.Append("<h1>").Append(E(context.Name)).Append("</h1>\n");
        if (context.Question.Length > 0) sb.Append("<p class=\"question\">").Append(E(context.Question)).Append("</p>\n");
        if (context.Description.Length > 0) sb.Append("<p>").Append(E(context.Description)).Append("</p>\n");
        sb.Append("<p class=\"meta\">")
          .Append(E($"{context.Households:N0} simulated households, {context.StartYear}-{context.EndYear}, seed {context.Seed}"))
          .Append(context.Replications > 1 ? E($", {context.Replications} replications (figures are replication 0)") : "")
          .Append(E($"; {context.Engine} engine; ecosim {context.ProgramVersion}; scenario {context.Source}.")).Append("</p>\n");
        if (context.Replications > 1) sb.Append("<p class=\"meta\">").Append(E(IntervalsNote)).Append("</p>\n");
        if (context.Sensitivity is { } sensitivity) sb.Append(sensitivity.Html(context.Directory));

        var lesson = LessonPlots.Of(context.Lesson).Where(p => svg.ContainsKey(p.Name)).ToArray();
        foreach (var plot in lesson) Section(sb, plot, data, svg[plot.Name]);

        sb.Append("<nav>").Append(string.Concat(lesson.Select(p => $"<a href=\"#{p.Name}\">The lesson</a> · ")));
        sb.Append("<a href=\"#results\">Results</a> · <a href=\"#policies\">Policies and parameters</a> · ");
        sb.Append(string.Join(" · ", RunPlots.All.Where(p => svg.ContainsKey(p.Name)).Select(p => $"<a href=\"#{p.Name}\">{E(p.Title)}</a>")));
        sb.Append("</nav>\n");

        Headline(sb, data);
        Policies(sb, context);

        foreach (var plot in RunPlots.All)
        {
            if (svg.TryGetValue(plot.Name, out string? image)) Section(sb, plot, data, image);
        }

        sb.Append("<footer>Figures are for the simulated population weighted to the rural population; money is ").Append(E(MoneyBasis.Describe(context.PricesYear)))
          .Append(context.PricesYear == 0 ? ". " : " (deflated with the model's price index, in manifest.json). ")
          .Append("Every number here is in <code>metrics.csv</code> (see docs/metrics.md for definitions); the run's settings are in <code>manifest.json</code>.</footer>\n");
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>A plot's section: its title, the image and its reading (and the product table under the premiums).</summary>
    private static void Section(StringBuilder sb, PlotDefinition plot, PlotData data, string image)
    {
        sb.Append("<section id=\"").Append(plot.Name).Append("\">\n<h2>").Append(E(plot.Title)).Append("</h2>\n")
          .Append("<img alt=\"").Append(E(plot.Title)).Append("\" src=\"data:image/svg+xml;base64,")
          .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(image))).Append("\">\n")
          .Append("<p class=\"reading\">").Append(E(plot.Reading(data))).Append("</p>\n");
        if (plot.Name == "product_premiums") ProductTable.Append(sb, data);
        sb.Append("</section>\n");
    }

    private static void Headline(StringBuilder sb, PlotData data)
    {
        int first = data.Years.Count > 0 ? data.Years[0] : 0, last = data.Years.Count > 0 ? data.Years[^1] : 0;
        sb.Append("<section id=\"results\">\n<h2>Headline results (national)</h2>\n<table>\n<thead><tr><th>measure</th><th>")
          .Append(first).Append("</th><th>").Append(last).Append("</th><th>change</th></tr></thead>\n<tbody>\n");
        foreach (var (metric, label, format) in Headlines)
        {
            var series = data.Series(metric);
            if (series.Count == 0) continue;
            double a = series[0].Value, b = series[^1].Value;
            sb.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(format(a))).Append("</td><td>")
              .Append(E(format(b))).Append("</td><td>").Append(E(Difference(a, b, format))).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>The change from a to b in the metric's own format (percentage points for shares).</summary>
    private static string Difference(double a, double b, Func<double, string> format)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b)) return "n/a";
        double d = b - a;
        string sign = d > 0 ? "+" : d < 0 ? "−" : "±";
        if (format == RunPlots.Percent) return $"{sign}{Math.Abs(100 * d).ToString("0.0", CultureInfo.InvariantCulture)} points";
        string relative = a != 0 ? $" ({(d >= 0 ? "+" : "−")}{Math.Abs(100 * d / a).ToString("0", CultureInfo.InvariantCulture)}%)" : "";
        return sign + format(Math.Abs(d)) + (format == RunPlots.Fixed3 ? "" : relative);
    }

    private static void Policies(StringBuilder sb, ReportContext context)
    {
        sb.Append("<section id=\"policies\">\n<h2>Policies and parameters</h2>\n");
        if (context.Interventions.Count == 0)
        {
            sb.Append("<p>No policy changes during the run.</p>\n");
        }
        else
        {
            sb.Append("<table>\n<thead><tr><th>from</th><th>for</th><th>change</th><th>parameters</th></tr></thead>\n<tbody>\n");
            foreach (var i in context.Interventions)
            {
                sb.Append("<tr><td>").Append(i.Year).Append("</td><td>").Append(i.Years == 0 ? "good" : $"{i.Years} years")
                  .Append("</td><td>").Append(E(i.Note)).Append("</td><td><code>").Append(E(i.Changes)).Append("</code></td></tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }
        if (context.ChangedParameters.Count > 0)
        {
            sb.Append("<h3>Set by the scenario (differs from the baseline default)</h3>\n<table>\n<thead><tr><th>parameter</th><th>value</th><th>default</th></tr></thead>\n<tbody>\n");
            foreach (var p in context.ChangedParameters)
            {
                sb.Append("<tr><td><code>").Append(E(p.Path)).Append("</code></td><td>").Append(E(p.Value)).Append("</td><td>").Append(E(p.Default)).Append("</td></tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }
        sb.Append("<details><summary>Every parameter of the run (resolved scenario, JSON)</summary>\n<pre>")
          .Append(E(context.ParametersJson)).Append("</pre>\n</details>\n</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222; background: #fff; margin: 0; }
        main { max-width: 1150px; margin: 0 auto; padding: 1.5rem; }
        h1 { margin-bottom: 0.2rem; }
        .question { font-size: 1.2rem; font-style: italic; margin-top: 0.2rem; }
        .meta, footer { color: #555; font-size: 0.9rem; }
        nav { font-size: 0.9rem; margin: 1rem 0; line-height: 1.6; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; }
        td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
        section { margin-top: 2rem; }
        img { width: 100%; height: auto; border: 1px solid #eee; }
        .reading, .note { max-width: 60rem; line-height: 1.5; }
        .note { color: #555; font-size: 0.9rem; }
        pre { background: #f6f6f6; padding: 0.8rem; overflow-x: auto; font-size: 0.8rem; max-height: 30rem; }
        code { font-size: 0.85rem; }
        """;
}
