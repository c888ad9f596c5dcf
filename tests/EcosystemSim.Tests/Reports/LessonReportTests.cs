using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcosystemSim.Reports.Plots;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Reports;

/// <summary>
/// A teaching scenario's report opens with the chart that carries its lesson, and the chart's reading
/// quotes the run's own numbers: each is recomputed here from metrics.csv (replication 0) and formatted
/// independently of the reporter (issue 17).
/// </summary>
public partial class LessonReportTests
{
    private sealed record Run(string Dir, Dictionary<(int Year, string Region, string Metric), double> Metrics, int[] Years, double Weight, string Html)
    {
        public double this[int year, string metric, string region = "national"] => Metrics.GetValueOrDefault((year, region, metric), double.NaN);

        public (int Year, double Value)[] Finite(string metric, string region = "national") =>
            Years.Select(y => (y, this[y, metric, region])).Where(p => double.IsFinite(p.Item2)).ToArray();

        /// <summary>The text of the lesson section's reading.</summary>
        public string Reading => WebUtility.HtmlDecode(ReadingPattern().Match(Html[Html.IndexOf("<section id=\"lesson\">", StringComparison.Ordinal)..]).Groups[1].Value);
    }

    private static async Task<Run> RunScenario(TempDirectory temp, string scenario, params string[] options)
    {
        string dir = temp[scenario];
        var result = await Cli.Run(["run", scenario, "--out", dir, "--engine", "inprocess", "-q", .. options]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var metrics = File.ReadLines(Path.Combine(dir, "metrics.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "0")
            .ToDictionary(f => (int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3]), f => double.Parse(f[4], CultureInfo.InvariantCulture));
        double weight = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!["weight"]!.GetValue<double>();
        int[] years = [.. metrics.Keys.Select(k => k.Item1).Distinct().Order()];
        return new Run(dir, metrics, years, weight, File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    private static string Yuan(double x) => x.ToString("N0", CultureInfo.InvariantCulture) + " yuan";

    private static string Percent(double x) => (100 * x).ToString(Math.Abs(x) < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";

    private static string FromTo(double a, double b, Func<double, string> format) =>
        format(a) == format(b) ? $"stayed at {format(a)}" : $"{(b > a ? "rose" : "fell")} from {format(a)} to {format(b)}";

    private static string F2(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F3(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The lesson's section is the page's first, its chart the page's first image, and its reading three sentences.</summary>
    private static void OpensWithTheLesson(Run run)
    {
        Assert.Equal("lesson", FirstSection().Match(run.Html).Groups[1].Value);
        Assert.Contains("plots/lesson.svg", Directory.GetFiles(Path.Combine(run.Dir, "plots")).Select(f => "plots/" + Path.GetFileName(f)));
        int firstImage = run.Html.IndexOf("<img", StringComparison.Ordinal);
        Assert.True(firstImage > run.Html.IndexOf("<section id=\"lesson\">", StringComparison.Ordinal) && firstImage < run.Html.IndexOf("<section id=\"results\">", StringComparison.Ordinal));
        Assert.True(run.Html.IndexOf("<section id=\"lesson\">", StringComparison.Ordinal) < run.Html.IndexOf("<section id=\"results\">", StringComparison.Ordinal));
        Assert.Equal(3, SentenceEnd().Matches(run.Reading).Count);
    }

    [Theory]
    [InlineData("premium-spiral")]
    [InlineData("premium-spiral-cured")]
    public async Task The_spiral_report_opens_with_the_premium_the_pool_and_the_loss_ratio_read_from_the_run(string scenario)
    {
        using var temp = new TempDirectory();
        var run = await RunScenario(temp, scenario, "--households", "2500", "--years", "8");
        OpensWithTheLesson(run);
        const string product = "product:open_cover";
        var premium = run.Finite("product_average_premium_yuan", product);
        var (y0, y1) = (premium[0].Year, premium[^1].Year);
        string reading = run.Reading;
        Assert.Contains($"from {Yuan(premium[0].Value)} in {y0} to {Yuan(premium[^1].Value)} in {y1}", reading);
        Assert.Contains($"holding it {FromTo(run[y0, "product_uptake", product], run[y1, "product_uptake", product], Percent)}", reading);
        Assert.Contains($"chronic condition {FromTo(run[y0, "product_holders_chronic_share", product], run[y1, "product_holders_chronic_share", product], Percent)}", reading);
        Assert.Contains($"without one {FromTo(run[y0, "product_uptake_healthy", product], run[y1, "product_uptake_healthy", product], Percent)}", reading);
        // The loss ratio is quoted only for years whose pool holds the documented minimum of simulated policies.
        var readable = run.Finite("insurer_loss_ratio", product).Where(p => run[p.Year, "product_policies", product] / run.Weight >= LessonPlots.MinimumPoolPolicies - 1e-6).ToArray();
        Assert.NotEmpty(readable);
        Assert.Contains($"was {F2(readable[0].Value)} in {readable[0].Year} and {F2(readable[^1].Value)} in {readable[^1].Year}", reading);
        double ClaimsPerHolder(int year) => run[year, "supplementary_claims_yuan", product] / run[year, "product_policies", product];
        Assert.Contains($"claims per holder {FromTo(ClaimsPerHolder(readable[0].Year), ClaimsPerHolder(readable[^1].Year), Yuan)}", reading);
    }

    [Fact]
    public async Task The_scandal_report_opens_with_trust_and_the_schemes_that_follow_it_read_from_the_run()
    {
        using var temp = new TempDirectory();
        var run = await RunScenario(temp, "scandal-and-recovery", "--households", "1500", "--years", "10");
        OpensWithTheLesson(run);
        var scandals = run.Finite("scandal_counties");
        int year = scandals.OrderByDescending(p => p.Value).ThenBy(p => p.Year).First().Year;
        int before = year - 1, last = run.Years[^1];
        var low = run.Finite("avg_trust").Where(p => p.Year >= year).OrderBy(p => p.Value).ThenBy(p => p.Year).First();
        var trust = run.Finite("avg_trust");
        int back = trust.Where(p => p.Year > low.Year && p.Value >= run[before, "avg_trust"]).Select(p => p.Year).DefaultIfEmpty(0).First();
        string reading = run.Reading;
        Assert.Contains($"Trust in public schemes was {F3(run[before, "avg_trust"])} in {before}", reading);
        Assert.Contains($"in {run[year, "scandal_counties"]:0} counties in {year} it fell to {F3(low.Value)} in {low.Year}", reading);
        int from = Math.Min(year + 1, low.Year), to = Math.Max(from, back > 0 ? back - 1 : last);
        double Mean(string metric) => Enumerable.Range(from, to - from + 1).Average(y => run[y, metric]);
        Assert.Contains($"({from}-{to})", reading);
        Assert.Contains($"averaged {Percent(Mean("pension_contribution_rate"))} against {Percent(run[before, "pension_contribution_rate"])} in {before}", reading);
        Assert.Contains($"enrolment {Percent(Mean("medical_enrollment_rate"))} against {Percent(run[before, "medical_enrollment_rate"])}", reading);
        Assert.Contains($"In {last} trust was {F3(run[last, "avg_trust"])}", reading);
    }

    [Theory]
    [InlineData("divergence-local")]
    [InlineData("divergence-equalised")]
    public async Task The_divergence_report_opens_with_pensions_by_region_read_from_the_run(string scenario)
    {
        using var temp = new TempDirectory();
        var run = await RunScenario(temp, scenario, "--households", "1500", "--years", "10");
        OpensWithTheLesson(run);
        int y0 = run.Years[0], y1 = run.Years[^1];
        double e0 = run[y0, "avg_monthly_pension_yuan", "east"], w0 = run[y0, "avg_monthly_pension_yuan", "west"];
        double e1 = run[y1, "avg_monthly_pension_yuan", "east"], w1 = run[y1, "avg_monthly_pension_yuan", "west"];
        string reading = run.Reading;
        Assert.Contains($"from {Yuan(e0)} in the east and {Yuan(w0)} in the west in {y0} ({F2(e0 / w0)} times) to {Yuan(e1)} and {Yuan(w1)} in {y1} ({F2(e1 / w1)} times)", reading);
        Assert.Contains($"{Percent(run[y1, "counties_cutting_share"])} in {y1} ({Percent(run[y1, "counties_cutting_share", "west"])} in the west)", reading);
        Assert.Contains($"from {F3(run[y0, "theil_between_regions"])} to {F3(run[y1, "theil_between_regions"])}", reading);
    }

    [Fact]
    public async Task A_scenario_without_a_lesson_opens_with_its_headline_results_and_draws_no_lesson_chart()
    {
        using var temp = new TempDirectory();
        var run = await RunScenario(temp, "baseline", "--households", "600", "--years", "2");
        Assert.Equal("results", FirstSection().Match(run.Html).Groups[1].Value);
        Assert.False(File.Exists(Path.Combine(run.Dir, "plots", "lesson.svg")));
    }

    [Fact]
    public async Task An_unknown_lesson_is_bad_input_naming_the_field()
    {
        using var temp = new TempDirectory();
        string file = Path.Combine(temp.Path, "bad.yaml");
        File.WriteAllText(file, "base: baseline\nlesson: moral_hazard\n");
        var result = await Cli.Run("validate", file);
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("lesson", line);
        Assert.Contains("premium_spiral", line);
    }

    [GeneratedRegex("<section id=\"([a-z_]+)\">")]
    private static partial Regex FirstSection();

    [GeneratedRegex("<p class=\"reading\">([^<]*)</p>")]
    private static partial Regex ReadingPattern();

    /// <summary>A sentence's end: a full stop (or colon-free stop) followed by a space or the end of the text.</summary>
    [GeneratedRegex(@"\.(?= |$)")]
    private static partial Regex SentenceEnd();
}
