using System.Globalization;
using EcosystemSim.Reports.Html;
using EcosystemSim.Reports.Plots;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>The run directory's report, household dumps and Lorenz table, end to end through the command line.</summary>
public class ReportOutputTests : IClassFixture<ReportOutputTests.Run>
{
    /// <summary>One small run of the multi-level market scenario (it has interventions, insurers and products), shared by the tests.</summary>
    public sealed class Run : IDisposable
    {
        public TempDirectory Temp { get; } = new();

        public string Dir => Temp["run"];

        public Cli.Result Result { get; }

        public Run()
        {
            Result = Cli.Run("run", "multi-level-market", "--out", Dir, "--households", "1500", "--years", "6",
                "--engine", "inprocess", "--dump-households", "2021,2025-2026", "-q").GetAwaiter().GetResult();
        }

        public void Dispose() => Temp.Dispose();
    }

    private readonly Run _run;

    public ReportOutputTests(Run run)
    {
        _run = run;
        Assert.True(run.Result.ExitCode == 0, run.Result.Stderr);
    }

    private static Dictionary<(int Year, string Region, string Metric), double> Metrics(string dir) =>
        File.ReadLines(Path.Combine(dir, "metrics.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3]), f => double.Parse(f[4], CultureInfo.InvariantCulture));

    [Fact]
    public void Households_are_dumped_for_the_years_asked_and_no_others()
    {
        var files = Directory.GetFiles(_run.Dir, "households_*.csv").Select(Path.GetFileName).Order();
        Assert.Equal(["households_2021.csv", "households_2025.csv", "households_2026.csv"], files);
        string header = File.ReadLines(Path.Combine(_run.Dir, "households_2025.csv")).First();
        Assert.StartsWith("household_id,region,county,members,weight,market_income_per_capita,post_transfer_income_per_capita,pension_income,dibao_income,", header, StringComparison.Ordinal);
        foreach (string column in new[] { "medical_oop", "premiums_paid", "in_poverty", "catastrophic_health" }) Assert.Contains(column, header.Split(','));
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2026)]
    public void The_metrics_can_be_recomputed_from_the_household_file(int year)
    {
        var rows = File.ReadLines(Path.Combine(_run.Dir, $"households_{year}.csv")).ToArray();
        var columns = rows[0].Split(',').Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var households = rows.Skip(1).Select(l => l.Split(',')).Select(f => (
            Income: Math.Max(1, double.Parse(f[columns["post_transfer_income_per_capita"]], CultureInfo.InvariantCulture)),
            Market: Math.Max(1, double.Parse(f[columns["market_income_per_capita"]], CultureInfo.InvariantCulture)),
            Weight: int.Parse(f[columns["members"]], CultureInfo.InvariantCulture) * double.Parse(f[columns["weight"]], CultureInfo.InvariantCulture),
            Poor: f[columns["in_poverty"]] == "1")).ToArray();
        var metrics = Metrics(_run.Dir);

        // The population Gini by its pairwise definition, over persons (OUTPUTS.md).
        static double Gini(IReadOnlyList<(double Y, double W)> x)
        {
            double w = x.Sum(o => o.W), mu = x.Sum(o => o.Y * o.W) / w, sum = 0;
            foreach (var a in x)
            {
                foreach (var b in x) sum += a.W * b.W * Math.Abs(a.Y - b.Y);
            }
            return sum / (2 * w * w * mu);
        }
        Assert.Equal(metrics[(year, "national", "gini_post_transfer")], Gini(households.Select(h => (h.Income, h.Weight)).ToArray()), 9);
        Assert.Equal(metrics[(year, "national", "gini_market")], Gini(households.Select(h => (h.Market, h.Weight)).ToArray()), 9);
        double persons = households.Sum(h => h.Weight);
        Assert.Equal(metrics[(year, "national", "poverty_headcount")], households.Where(h => h.Poor).Sum(h => h.Weight) / persons, 9);
        Assert.Equal(metrics[(year, "national", "population")], persons, persons * 1e-12);
    }

    [Fact]
    public void The_lorenz_table_holds_every_year_and_scope_and_agrees_with_the_quintile_shares()
    {
        var lines = File.ReadLines(Path.Combine(_run.Dir, "lorenz.csv")).ToArray();
        Assert.Equal("replication,year,region,income,population_share,income_share", lines[0]);
        var points = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(6 * 5 * 2 * 101, points.Length);
        double Share(int year, double p) => points.Where(f => f[1] == year.ToString(CultureInfo.InvariantCulture) && f[2] == "national" && f[3] == "post_transfer")
            .Select(f => (P: double.Parse(f[4], CultureInfo.InvariantCulture), L: double.Parse(f[5], CultureInfo.InvariantCulture)))
            .Single(x => Math.Abs(x.P - p) < 1e-12).L;
        var metrics = Metrics(_run.Dir);
        Assert.Equal(metrics[(2024, "national", "income_share_q1")], Share(2024, 0.2), 12);
        Assert.Equal(metrics[(2024, "national", "income_share_q5")], 1 - Share(2024, 0.8), 12);
    }

    [Fact]
    public void The_report_is_one_self_contained_page_with_every_plot_and_its_reading()
    {
        string html = File.ReadAllText(Path.Combine(_run.Dir, RunReport.FileName));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>multi-level-market</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Can subsidies, tax incentives and endorsement build a supplementary market", html, StringComparison.Ordinal);
        foreach (var plot in RunPlots.All)
        {
            Assert.Contains($"<section id=\"{plot.Name}\">", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_run.Dir, "plots", plot.Name + ".png")), plot.Name);
        }
        Assert.Equal(RunPlots.All.Count, html.Split("src=\"data:image/svg+xml;base64,").Length - 1);
        Assert.Equal(RunPlots.All.Count, html.Split("<p class=\"reading\">").Length - 1);
        // Nothing to fetch: no scripts, no external images, styles or links.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        // The policy timeline and the parameters the scenario changes.
        Assert.Contains("launch rural_guided", html, StringComparison.Ordinal);
        Assert.Contains("market.low_income_subsidy_share = 0.5", html, StringComparison.Ordinal);
        Assert.Contains("<td>Pension: receiving, of 60+</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("n/a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("was not measured", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_replication_can_be_dumped_each_its_own_draw_of_the_same_population()
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run("run", "baseline", "--out", temp["out"], "--households", "400", "--years", "2", "--replications", "3", "--engine", "inprocess",
            "--dump-households", "2022", "--dump-replications", "all", "-q");
        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] files = ["households_2022.csv", "households_2022_r1.csv", "households_2022_r2.csv"];
        Assert.Equal(files, Directory.GetFiles(temp["out"], "households_*.csv").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        var manifest = await File.ReadAllTextAsync(temp["out/manifest.json"]);
        Assert.All(files, f => Assert.Contains(f, manifest, StringComparison.Ordinal));
        Assert.NotEqual(await File.ReadAllTextAsync(temp["out/households_2022.csv"]), await File.ReadAllTextAsync(temp["out/households_2022_r2.csv"]));

        // A replication's own figures recomputed from its own dump: its mean income per person is metrics.csv's.
        var metrics = File.ReadLines(temp["out/metrics.csv"]).Select(l => l.Split(',')).Where(f => f[0] == "2" && f[1] == "2022" && f[2] == "national" && f[3] == "mean_income_per_capita_yuan").Single();
        var rows = File.ReadLines(temp["out/households_2022_r2.csv"]).Skip(1).Select(l => l.Split(',')).ToList();
        double persons = rows.Sum(f => int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
        double income = rows.Sum(f => int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) * double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(double.Parse(metrics[4], System.Globalization.CultureInfo.InvariantCulture), income / persons, 6);

        var some = await Cli.Run("run", "baseline", "--out", temp["some"], "--households", "400", "--years", "2", "--replications", "3", "--engine", "inprocess",
            "--dump-households", "2022", "--dump-replications", "1", "-q");
        Assert.True(some.ExitCode == 0, some.Stderr);
        Assert.Equal(["households_2022_r1.csv"], Directory.GetFiles(temp["some"], "households_*.csv").Select(f => Path.GetFileName(f)!));
    }

    [Theory]
    [InlineData("--dump-households 2022 --dump-replications 3", "ecosim: --dump-replications: '3' is not a replication of this run (0 to 2) or all")]
    [InlineData("--dump-households 2022 --dump-replications some", "ecosim: --dump-replications: 'some' is not a replication of this run (0 to 2) or all")]
    [InlineData("--dump-replications all", "ecosim: --dump-replications needs --dump-households YEARS")]
    public async Task Bad_dump_replications_are_bad_input(string options, string line)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["run", "baseline", "--out", temp["out"], "--years", "2", "--replications", "3", .. options.Split(' ')]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(line, Assert.Single(result.StderrLines));
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task A_year_outside_the_run_is_bad_input()
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run("run", "baseline", "--out", temp["out"], "--years", "3", "--dump-households", "2021,2060");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("ecosim: --dump-households: 2060 is outside the run (2021-2023)", Assert.Single(result.StderrLines));
        Assert.False(Directory.Exists(temp["out"]));
        var words = await Cli.Run("run", "baseline", "--out", temp["out"], "--dump-households", "soon");
        Assert.Equal(2, words.ExitCode);
        Assert.Contains("'soon' is not a year", Assert.Single(words.StderrLines), StringComparison.Ordinal);
    }
}
