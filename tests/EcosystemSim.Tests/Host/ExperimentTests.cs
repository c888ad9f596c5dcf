using System.Globalization;
using EcosystemSim.Host.Runs;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>Replications, comparisons, sweeps and repeatability, end to end through the command line.</summary>
public class ExperimentTests
{
    private static readonly string[] Small = ["--households", "800", "--years", "4", "-q"];

    [Fact]
    public async Task Replications_run_concurrently_give_the_same_bytes_as_one_by_one_on_either_engine()
    {
        using var temp = new TempDirectory();
        var together = await Cli.Run(["run", "baseline", "--out", temp["together"], "--replications", "3", "--parallel", "3", "--engine", "orleans", .. Small]);
        var oneByOne = await Cli.Run(["run", "baseline", "--out", temp["one"], "--replications", "3", "--parallel", "1", "--engine", "inprocess", .. Small]);
        var single = await Cli.Run(["run", "baseline", "--out", temp["single"], "--engine", "inprocess", .. Small]);
        Assert.True(together.ExitCode == 0, together.Stderr);
        Assert.True(oneByOne.ExitCode == 0, oneByOne.Stderr);
        Assert.True(single.ExitCode == 0, single.Stderr);
        Assert.Equal(await File.ReadAllBytesAsync(temp["together/metrics.csv"]), await File.ReadAllBytesAsync(temp["one/metrics.csv"]));
        Assert.Equal(await File.ReadAllBytesAsync(temp["together/summary.csv"]), await File.ReadAllBytesAsync(temp["one/summary.csv"]));
        var lines = await File.ReadAllLinesAsync(temp["together/metrics.csv"]);
        Assert.Equal(["0", "1", "2"], lines.Skip(1).Select(l => l.Split(',')[0]).Distinct());
        // Replication 0 is the single run.
        var singleLines = await File.ReadAllLinesAsync(temp["single/metrics.csv"]);
        Assert.Equal(singleLines, lines.Take(singleLines.Length));
        // summary.csv: one row per year, region and metric, over the three replications.
        var summary = await File.ReadAllLinesAsync(temp["together/summary.csv"]);
        Assert.Equal("year,region,metric,mean,sd,ci_low,ci_high,n", summary[0]);
        Assert.Equal(singleLines.Length, summary.Length);
        var row = summary.Single(l => l.StartsWith("2024,national,avg_monthly_pension_yuan,", StringComparison.Ordinal)).Split(',');
        double[] values = lines.Where(l => l.Contains(",2024,national,avg_monthly_pension_yuan,", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(values.Average(), double.Parse(row[3], CultureInfo.InvariantCulture), 9);
        Assert.Equal("3", row[7]);
        string manifest = await File.ReadAllTextAsync(temp["together/manifest.json"]);
        Assert.Contains("\"replications\": 3", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_is_repeated_exactly_from_its_manifest()
    {
        using var temp = new TempDirectory();
        var first = await Cli.Run("run", "benefit-raise", "--out", temp["a"], "--replications", "2", "--engine", "inprocess", "--households", "800", "--years", "8", "-q");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var again = await Cli.Run("run", temp["a/manifest.json"], "--out", temp["b"], "--engine", "orleans", "-q");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(await File.ReadAllBytesAsync(temp["a/metrics.csv"]), await File.ReadAllBytesAsync(temp["b/metrics.csv"]));
        string manifest = await File.ReadAllTextAsync(temp["a/manifest.json"]);
        foreach (string field in new[] { "\"parameters\"", "\"scenario_sha256\"", "\"seeds\"", "\"engine\"", "\"silos\"", "\"program_version\"", "\"program_commit\"", "\"wall_seconds\"" })
        {
            Assert.Contains(field, manifest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_manifest_of_a_scenario_with_a_base_repeats_its_timeline_once()
    {
        // The manifest's parameters already hold the base's interventions; loading them must not add the base's again.
        using var temp = new TempDirectory();
        var first = await Cli.Run("run", "all-proposals", "--out", temp["a"], "--engine", "inprocess", "--households", "400", "--years", "8", "-q");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var again = await Cli.Run("run", temp["a/manifest.json"], "--out", temp["b"], "--engine", "inprocess", "-q");
        Assert.True(again.ExitCode == 0, again.Stderr);
        static string Parameters(string path) => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["parameters"]!.ToJsonString();
        Assert.Equal(Parameters(temp["a/manifest.json"]), Parameters(temp["b/manifest.json"]));
        Assert.Equal(await File.ReadAllBytesAsync(temp["a/metrics.csv"]), await File.ReadAllBytesAsync(temp["b/metrics.csv"]));
    }

    [Fact]
    public async Task A_reform_leaves_every_draw_it_does_not_touch_unchanged()
    {
        // benefit-raise changes pensions from 2027: the years before, and demography, health and market income throughout, are the baseline's to the bit.
        using var temp = new TempDirectory();
        var result = await Cli.Run("compare", "baseline", "benefit-raise", "--out", temp["c"], "--households", "800", "--years", "10",
            "--replications", "2", "--engine", "inprocess", "-q");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var baseline = Rows(temp["c/baseline/metrics.csv"]);
        var reform = Rows(temp["c/benefit-raise/metrics.csv"]);
        Assert.Equal(baseline.Keys.Order(), reform.Keys.Order());
        foreach (var (key, value) in baseline)
        {
            // (Who is in a dibao household or an income decile is policy's doing: those scopes' population and market income move with the reform.)
            bool policyScope = key.Region == "household:dibao" || key.Region.StartsWith("decile:", StringComparison.Ordinal);
            bool untouched = key.Year < 2027 || (!policyScope && key.Metric is "population" or "chronic_share" or "crude_death_rate" or "admissions_per_100"
                or "elderly_share" or "migrant_share" or "mean_market_income_per_capita_yuan" or "medical_spending_per_capita_yuan" or "gini_market");
            if (untouched) Assert.True(value == reform[key], $"{key} differs: {value} against {reform[key]}");
        }
        Assert.NotEqual(baseline[(0, 2030, "national", "avg_monthly_pension_yuan")], reform[(0, 2030, "national", "avg_monthly_pension_yuan")]);
    }

    private static Dictionary<(int Replication, int Year, string Region, string Metric), string> Rows(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3]), f => f[4]);

    [Fact]
    public async Task Compare_pairs_replications_and_its_intervals_are_narrower_than_unpaired_ones()
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run("compare", "baseline", "fund-supervision", "coverage-expansion", "--out", temp["c"], "--households", "1000",
            "--years", "8", "--replications", "5", "--engine", "inprocess", "-q");
        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (string file in new[] { "comparison.csv", "report.html", "manifest.json", "baseline/metrics.csv", "baseline/summary.csv",
                     "fund-supervision/report.html", "coverage-expansion/manifest.json", "plots/avg_trust_differences.png" })
        {
            Assert.True(File.Exists(Path.Combine(temp["c"], file)), file);
        }
        var lines = await File.ReadAllLinesAsync(temp["c/comparison.csv"]);
        Assert.Equal("scenario,year,region,metric,baseline_mean,scenario_mean,diff_mean,diff_ci_low,diff_ci_high,n,unpaired_ci_low,unpaired_ci_high", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[2] == "national" && f[1] == "2028" && f[9] == "5").ToArray();
        Assert.Contains(rows, f => f[0] == "fund-supervision");
        Assert.Contains(rows, f => f[0] == "coverage-expansion");
        double Width(string[] f, int low) => double.Parse(f[low + 1], CultureInfo.InvariantCulture) - double.Parse(f[low], CultureInfo.InvariantCulture);
        var measured = rows.Where(f => Width(f, 10) > 0).ToArray();
        int narrower = measured.Count(f => Width(f, 7) < Width(f, 10));
        Assert.True(narrower > 0.8 * measured.Length, $"paired narrower in {narrower} of {measured.Length} national metrics");
        // The paired difference of a metric is the mean of the replication-by-replication differences.
        var pension = rows.Single(f => f[0] == "coverage-expansion" && f[3] == "pension_recipient_rate");
        Assert.Equal(double.Parse(pension[5], CultureInfo.InvariantCulture) - double.Parse(pension[4], CultureInfo.InvariantCulture),
            double.Parse(pension[6], CultureInfo.InvariantCulture), 12);
        string report = await File.ReadAllTextAsync(temp["c/report.html"]);
        Assert.Contains("fund-supervision", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", report, StringComparison.Ordinal);
        // Both the comparison's report and each scenario's say what their intervals mean.
        Assert.Contains("simulation noise at this scenario&#39;s parameters", report, StringComparison.Ordinal);
        Assert.Contains("simulation noise at this scenario&#39;s parameters", await File.ReadAllTextAsync(temp["c/baseline/report.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_runs_the_grid_and_an_interrupted_sweep_finishes_only_the_missing_points()
    {
        using var temp = new TempDirectory();
        string[] command = ["sweep", "baseline", "--set", "pension.vesting_years=10,15,20", "--set", "medical.reimbursement_ratio=0.6,0.7,0.8",
            "--out", temp["s"], "--households", "400", "--years", "3", "--engine", "inprocess", "-q"];
        using var cancel = new CancellationTokenSource();
        SweepHandler.PointWritten = i => { if (i == 3) cancel.Cancel(); };
        Cli.Result interrupted;
        try
        {
            interrupted = await Cli.Run(command, cancel.Token);
        }
        finally
        {
            SweepHandler.PointWritten = null;
        }
        Assert.Equal(1, interrupted.ExitCode);
        Assert.Contains("run the same command to continue", interrupted.Stderr, StringComparison.Ordinal);
        var done = Directory.GetDirectories(temp["s/points"]).Select(d => Path.GetFileName(d)!).Order().ToArray();
        Assert.Equal(["001", "002", "003", "004"], done);
        Assert.False(File.Exists(temp["s/sweep.csv"]));
        var before = done.ToDictionary(d => d, d => File.GetLastWriteTimeUtc(Path.Combine(temp["s/points"], d, "metrics.csv")));

        var resumed = await Cli.Run(command[..^1]); // not quiet: the log says what was resumed
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(9, Directory.GetDirectories(temp["s/points"]).Length);
        foreach (var (d, time) in before) Assert.Equal(time, File.GetLastWriteTimeUtc(Path.Combine(temp["s/points"], d, "metrics.csv")));
        Assert.Contains("4 already done, 5 to run", await File.ReadAllTextAsync(temp["s/ecosim.log"]), StringComparison.Ordinal);

        var table = await File.ReadAllLinesAsync(temp["s/sweep.csv"]);
        Assert.Equal("point,pension.vesting_years,medical.reimbursement_ratio,replication,year,region,metric,value", table[0]);
        var points = table.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[1], f[2])).Distinct().ToArray();
        Assert.Equal(9, points.Length);
        Assert.Contains(("009", "20", "0.8"), points);

        // sweep_summary.csv: every point's summary.csv (mean and interval across replications) under the same keys.
        var summary = await File.ReadAllLinesAsync(temp["s/sweep_summary.csv"]);
        Assert.Equal("point,pension.vesting_years,medical.reimbursement_ratio,year,region,metric,mean,sd,ci_low,ci_high,n", summary[0]);
        var pointSummary = await File.ReadAllLinesAsync(temp["s/points/009/summary.csv"]);
        Assert.Equal(pointSummary.Skip(1).Select(l => "009,20,0.8," + l), summary.Where(l => l.StartsWith("009,", StringComparison.Ordinal)));
        Assert.Equal(9 * (pointSummary.Length - 1) + 1, summary.Length);
        // The point's parameters are in its manifest, and its runs differ from the other points'.
        Assert.Contains("\"vesting_years\": 20", await File.ReadAllTextAsync(temp["s/points/009/manifest.json"]), StringComparison.Ordinal);
        Assert.NotEqual(await File.ReadAllBytesAsync(temp["s/points/001/metrics.csv"]), await File.ReadAllBytesAsync(temp["s/points/009/metrics.csv"]));

        // A different grid in the same directory is refused.
        var other = await Cli.Run("sweep", "baseline", "--set", "pension.vesting_years=5,10", "--out", temp["s"], "--households", "400", "--years", "3", "-q");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("holds a different sweep", Assert.Single(other.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_plots_a_metric_against_its_first_parameter_a_line_per_value_of_the_others()
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run("sweep", "baseline", "--set", "medical.reimbursement_ratio=0.5,0.8", "--set", "pension.vesting_years=10,15", "--plot", "medical_oop_share",
            "--out", temp["s"], "--households", "300", "--years", "2", "--replications", "2", "--engine", "inprocess", "-q");
        Assert.True(result.ExitCode == 0, result.Stderr);
        string svg = await File.ReadAllTextAsync(temp["s/plots/sweep_medical_oop_share.svg"]);
        Assert.Contains("medical_oop_share in 2022 against medical.reimbursement_ratio", svg, StringComparison.Ordinal);
        Assert.Contains("pension.vesting_years=15", svg, StringComparison.Ordinal);
        Assert.True(new FileInfo(temp["s/plots/sweep_medical_oop_share.png"]).Length > 1000);
        Assert.Contains("plots/sweep_medical_oop_share.png", await File.ReadAllTextAsync(temp["s/manifest.json"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set medical.reimbursement_ratio=0.5,0.8 --plot nothing", "ecosim: --plot: 'nothing' is not a metric")]
    [InlineData("--set medical.reimbursement_ratio=0.5,0.8 --plot insurer_solvency_ratio", "ecosim: --plot: 'insurer_solvency_ratio' has no national value")]
    [InlineData("--set central.minimum_rule=prices,rural_income --plot medical_oop_share", "ecosim: --plot: the first --set (central.minimum_rule) is plotted along the horizontal axis, and 'prices' is not a number")]
    public async Task A_sweep_plot_of_what_cannot_be_plotted_is_bad_input(string options, string line)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["sweep", "baseline", .. options.Split(' '), "--out", temp["s"], "--households", "300", "--years", "2"]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(line, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["s"]));
    }

    [Fact]
    public async Task A_sweep_point_at_the_scenarios_own_value_gives_the_runs_bytes()
    {
        // One code path: a sweep point is a scenario run through the same experiment call as `run`.
        using var temp = new TempDirectory();
        string[] settings = ["--households", "400", "--years", "3", "--replications", "2", "--engine", "inprocess", "-q"];
        var run = await Cli.Run(["run", "baseline", "--out", temp["r"], .. settings]);
        var sweep = await Cli.Run(["sweep", "baseline", "--set", "pension.vesting_years=15", "--out", temp["s"], .. settings]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(sweep.ExitCode == 0, sweep.Stderr);
        foreach (string file in new[] { "metrics.csv", "summary.csv", "lorenz.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(temp["r"], file)), await File.ReadAllBytesAsync(Path.Combine(temp["s/points/001"], file)));
        }
    }

    [Fact]
    public async Task A_failure_inside_a_command_is_one_line_with_the_logs_path_and_exit_1()
    {
        using var temp = new TempDirectory();
        SweepHandler.PointWritten = _ => throw new InvalidOperationException("disk on fire\n   at Somewhere.Else()");
        Cli.Result result;
        try
        {
            result = await Cli.Run("sweep", "baseline", "--set", "pension.vesting_years=10,15", "--out", temp["s"], "--households", "200",
                "--years", "2", "--engine", "inprocess", "-q");
        }
        finally
        {
            SweepHandler.PointWritten = null;
        }
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith("ecosim: the sweep failed: disk on fire", line, StringComparison.Ordinal);
        Assert.Contains($"(details in {temp["s/ecosim.log"]})", line, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", await File.ReadAllTextAsync(temp["s/ecosim.log"]), StringComparison.Ordinal);
    }
}
