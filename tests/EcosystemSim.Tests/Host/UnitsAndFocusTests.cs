using System.Globalization;
using System.Text.Json.Nodes;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>
/// `--prices YEAR` (money at constant prices, deflated with the model's own price index) and the
/// comparison report's focus (`--metrics`, `--scopes`) and its winners-and-losers and regional sections.
/// </summary>
public class UnitsAndFocusTests
{
    private static readonly string[] Small = ["--engine", "inprocess", "--households", "600", "--years", "8", "-q"];

    private static Dictionary<(int, string, string), double> Metrics(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3]), f => double.Parse(f[4], CultureInfo.InvariantCulture));

    [Fact]
    public async Task Constant_prices_divide_every_amount_of_money_by_the_models_price_index_and_leave_the_rest()
    {
        using var temp = new TempDirectory();
        var nominal = await Cli.Run(["run", "baseline", "--out", temp["n"], "--dump-households", "2028", .. Small]);
        var real = await Cli.Run(["run", "baseline", "--out", temp["r"], "--prices", "2021", "--dump-households", "2028", .. Small]);
        Assert.True(nominal.ExitCode == 0 && real.ExitCode == 0, nominal.Stderr + real.Stderr);

        var manifest = JsonNode.Parse(File.ReadAllText(temp["r/manifest.json"]))!;
        Assert.Equal(2021, (int)manifest["prices"]!["year"]!);
        var index = manifest["prices"]!["index"]!.AsObject().ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => (double)p.Value!);
        Assert.Equal(1, index[2021]);
        Assert.Equal(Math.Pow(1.02, 7), index[2028], 12); // central.price_inflation is 2% a year in the baseline
        Assert.Null(JsonNode.Parse(File.ReadAllText(temp["n/manifest.json"]))!["prices"]);

        var n = Metrics(temp["n/metrics.csv"]);
        var r = Metrics(temp["r/metrics.csv"]);
        Assert.Equal(n.Keys.Order(), r.Keys.Order());
        int money = 0;
        foreach (var (key, value) in n)
        {
            if (PriceIndex.IsMoney(key.Item3))
            {
                money++;
                Assert.True(Math.Abs(r[key] - value / index[key.Item1]) <= 1e-9 * Math.Abs(value) || (double.IsNaN(value) && double.IsNaN(r[key])),
                    $"{key}: {r[key]} at 2021 prices, {value} nominal");
            }
            else
            {
                Assert.True(r[key].Equals(value), $"{key} changed with the prices: {r[key]} against {value}");
            }
        }
        Assert.True(money > 100, $"only {money} money rows");
        // The model's own index: the indexed poverty line keeps its 2021 value, and the minimum pension (prices rule) its 2026 value, within a fen of rounding.
        for (int year = 2021; year <= 2028; year++) Assert.Equal(r[(2021, "national", "poverty_line_yuan")], r[(year, "national", "poverty_line_yuan")], 1);
        Assert.Equal(r[(2026, "national", "min_basic_pension_yuan")], r[(2028, "national", "min_basic_pension_yuan")], 1);

        // Dumps follow: the money columns divided, the counts as they are.
        var dumpN = File.ReadLines(temp["n/households_2028.csv"]).Select(l => l.Split(',')).ToArray();
        var dumpR = File.ReadLines(temp["r/households_2028.csv"]).Select(l => l.Split(',')).ToArray();
        int income = Array.IndexOf(dumpN[0], "post_transfer_income_per_capita"), pension = Array.IndexOf(dumpN[0], "pension_income"), members = Array.IndexOf(dumpN[0], "members");
        for (int i = 1; i < dumpN.Length; i++)
        {
            Assert.Equal(dumpN[i][members], dumpR[i][members]);
            Assert.Equal(double.Parse(dumpN[i][income], CultureInfo.InvariantCulture) / index[2028], double.Parse(dumpR[i][income], CultureInfo.InvariantCulture), 6);
            Assert.Equal(double.Parse(dumpN[i][pension], CultureInfo.InvariantCulture) / index[2028], double.Parse(dumpR[i][pension], CultureInfo.InvariantCulture), 6);
        }
        Assert.Contains("yuan at 2021 prices", File.ReadAllText(temp["r/report.html"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run baseline --prices 2040", "ecosim: --prices: 2040 is outside the run (2021-2028); 0 writes nominal yuan")]
    [InlineData("run baseline --prices 3000", "ecosim: --prices: 3000 is out of range")]
    [InlineData("run baseline --breakdowns cities", "ecosim: --breakdowns: 'cities' is not national or regions")]
    [InlineData("compare baseline benefit-raise --scopes west/age:61+", "ecosim: --scopes: 'west/age:61+' is not national, a region")]
    [InlineData("compare baseline benefit-raise --metrics nothing", "ecosim: --metrics: unknown metric 'nothing'")]
    [InlineData("compare baseline benefit-raise --scopes decile:11", "ecosim: --scopes: 'decile:11' is not national, a region")]
    public async Task Bad_units_and_focus_are_bad_input(string command, string line)
    {
        using var temp = new TempDirectory();
        await Cli.Refuses([.. command.Split(' '), "--out", temp["o"], .. Small], line, temp["o"]);
    }

    [Fact]
    public async Task A_scenario_whose_prices_year_is_not_simulated_is_refused_naming_its_field()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp["p.yaml"], "name: p\nbase: baseline\nyears: 5\nprices_year: 2030\n");
        string line = await Cli.Refuses(["run", temp["p.yaml"], "--out", temp["o"], "--engine", "inprocess", "-q"], "", temp["o"]);
        Assert.Contains("prices_year: 2030 is outside the run (2021-2025)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_report_shows_winners_and_regions_and_what_metrics_and_scopes_ask_for()
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["compare", "baseline", "benefit-raise", "--out", temp["c"], "--replications", "3", "--prices", "2021",
            "--metrics", "avg_monthly_pension_yuan,relative_poverty_rate_40", "--scopes", "national,age:60+", .. Small]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var files = JsonNode.Parse(File.ReadAllText(temp["c/manifest.json"]))!["files"]!.AsArray().Select(f => (string)f!).ToHashSet();
        string[] plots = ["relative_poverty_rate_40_age_60plus_levels", "relative_poverty_rate_40_differences", "avg_monthly_pension_yuan_age_60plus_differences",
            "winners_deciles", "winners_ages", "regions_local_spending", "regions_theil_between"];
        foreach (string plot in plots)
        {
            Assert.True(File.Exists(temp[$"c/plots/{plot}.png"]), plot);
            Assert.Contains($"plots/{plot}.svg", files);
        }
        // The focus replaces the default headlines.
        Assert.False(File.Exists(temp["c/plots/avg_trust_levels.png"]));
        string report = File.ReadAllText(temp["c/report.html"]);
        Assert.Contains("<section id=\"relative_poverty_rate_40_age_60plus\">", report, StringComparison.Ordinal);
        Assert.Contains("Who wins and who loses in 2028", report, StringComparison.Ordinal);
        Assert.Contains("<td>decile 10</td>", report, StringComparison.Ordinal);
        Assert.Contains("<td>aged 60+</td>", report, StringComparison.Ordinal);
        Assert.Contains("<h3>benefit-raise against baseline</h3>", report, StringComparison.Ordinal);
        Assert.Contains("between regions", report, StringComparison.Ordinal);
        Assert.Contains("Money is yuan at 2021 prices", report, StringComparison.Ordinal);

        // The winners' table is comparison.csv's decile rows: the benefit raise pays the old most.
        var rows = File.ReadLines(temp["c/comparison.csv"]).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "2028" && f[3] == "mean_income_per_capita_yuan").ToDictionary(f => f[2], f => double.Parse(f[6], CultureInfo.InvariantCulture));
        Assert.True(rows["age:60+"] > rows["age:16-59"], $"the old gain {rows["age:60+"]}, the working-age {rows["age:16-59"]}");
        double top = rows["decile:10"];
        Assert.Contains((top >= 0 ? "+" : "−") + Math.Abs(top).ToString(Math.Abs(top) < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture) + " [", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_breakdown_within_a_region_can_head_the_report_when_the_run_breaks_down_by_region()
    {
        using var temp = new TempDirectory();
        Assert.Equal("ecosim: --scopes: 'west/age:60+' is a breakdown within a region: add --breakdowns regions",
            await Cli.Refuses(["compare", "baseline", "benefit-raise", "--scopes", "west/age:60+", "--out", temp["no"], .. Small], "", temp["no"]));
        var result = await Cli.Run(["compare", "baseline", "benefit-raise", "--scopes", "west/age:60+", "--metrics", "poverty_headcount", "--breakdowns", "regions",
            "--out", temp["c"], .. Small]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(File.Exists(temp["c/plots/poverty_headcount_west_age_60plus_differences.png"]));
        Assert.Contains("<section id=\"poverty_headcount_west_age_60plus\">", File.ReadAllText(temp["c/report.html"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prices 2026", "ecosim: --prices: a run from a checkpoint has the checkpoint's run settings (prices 0)")]
    [InlineData("--breakdowns regions", "ecosim: --breakdowns: a run from a checkpoint has the checkpoint's run settings (breakdowns national)")]
    public async Task A_fork_keeps_the_checkpoints_money_and_breakdowns(string option, string line)
    {
        using var temp = new TempDirectory();
        var baseline = await Cli.Run(["run", "baseline", "--checkpoint-every", "3", "--keep-checkpoints", "--out", temp["base"], .. Small]);
        Assert.True(baseline.ExitCode == 0, baseline.Stderr);
        Assert.Equal(line, await Cli.Refuses(["run", "benefit-raise", "--from", temp["base/checkpoints/2023"], .. option.Split(' '), "--out", temp["f"], "--engine", "inprocess", "-q"],
            "", temp["f"]));
    }

    [Fact]
    public async Task A_fork_may_not_change_inflation_before_the_prices_year_of_the_years_it_shares()
    {
        using var temp = new TempDirectory();
        var baseline = await Cli.Run(["run", "baseline", "--checkpoint-every", "3", "--keep-checkpoints", "--prices", "2027", "--out", temp["base"], .. Small]);
        Assert.True(baseline.ExitCode == 0, baseline.Stderr);
        File.WriteAllText(temp["inflation.yaml"], "name: inflation\nbase: baseline\ninterventions:\n  - year: 2025\n    set:\n      central.price_inflation: 0.05\n");
        string line = await Cli.Refuses(["run", temp["inflation.yaml"], "--from", temp["base/checkpoints/2023"], "--out", temp["f"], "--engine", "inprocess", "-q"], "ecosim: --from ", temp["f"]);
        Assert.Contains("central.price_inflation changes in 2025, before the prices year 2027", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("solve baseline --vary medical.reimbursement_ratio=0.5..0.8 --target poverty_headcount=0.01 --scope insurer:nobody",
        "ecosim: --scope: this scenario has no insurer 'nobody' (known: insurer_a, ")]
    [InlineData("compare multi-level-market baseline --scopes product:huimin_z", "ecosim: --scopes: this scenario has no product 'huimin_z' (known: ")]
    public async Task Scopes_are_checked_against_the_scenario(string command, string line)
    {
        using var temp = new TempDirectory();
        await Cli.Refuses([.. command.Split(' '), "--out", temp["o"], .. Small], line, temp["o"]);
    }
}
