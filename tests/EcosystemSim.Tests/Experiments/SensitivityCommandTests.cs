using System.Globalization;
using System.Text.Json.Nodes;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Experiments;

/// <summary>
/// `ecosim sensitivity` end to end on a small baseline: the files, the ranking of a pension parameter
/// first for the average pension, points that are the scenario run with those values from the start,
/// the same bytes from the same command, and bad input in one line with exit 2.
/// </summary>
public class SensitivityCommandTests
{
    private static readonly string[] Small = ["--households", "300", "--years", "4", "--engine", "inprocess", "-q"];

    /// <summary>A pension parameter among parameters of other parts of the model.</summary>
    private const string Params = "attitudes.awareness_decay,health.cost_growth,pension.top_up_income_elasticity,dibao.take_up,demography.mortality_improvement";

    private const string Metrics = "avg_monthly_pension_yuan,poverty_headcount";

    [Theory]
    [InlineData("morris", "--trajectories", "4", 4 * 6, "mu_star")]
    [InlineData("sobol", "--samples", "16", 16 * 7, "total")]
    public async Task The_average_pension_is_driven_first_by_a_pension_parameter_and_every_file_is_written(string method, string sizeOption, string size, int runs, string headline)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["sensitivity", "baseline", "--method", method, "--params", Params, "--metrics", Metrics, sizeOption, size, "--out", temp["s"], .. Small]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith($"avg_monthly_pension_yuan (national, 2024), by {headline}: pension.top_up_income_elasticity (", result.Stdout, StringComparison.Ordinal);

        var rows = File.ReadAllLines(temp["s/sensitivity.csv"]);
        Assert.Equal("parameter,metric,year,scope,method,index,value,ci_low,ci_high", rows[0]);
        int indices = method == "morris" ? 3 : 2;
        Assert.Equal(1 + 5 * 2 * indices, rows.Length);
        var top = rows.Skip(1).Select(r => r.Split(',')).Where(f => f[1] == "avg_monthly_pension_yuan" && f[5] == headline)
            .OrderByDescending(f => double.Parse(f[6], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal("pension.top_up_income_elasticity", top[0][0]);
        Assert.True(double.Parse(top[0][6], CultureInfo.InvariantCulture) > 2 * double.Parse(top[1][6], CultureInfo.InvariantCulture), string.Join(' ', top.Select(f => $"{f[0]}={f[6]}")));
        Assert.All(rows.Skip(1), r => Assert.Equal(["2024", "national", method], r.Split(',')[2..5]));

        Assert.Equal(1 + runs, File.ReadAllLines(temp["s/sensitivity_runs.csv"]).Length);
        Assert.Equal($"run,block,row,moved,{Params},{Metrics}", File.ReadLines(temp["s/sensitivity_runs.csv"]).First());
        foreach (string metric in Metrics.Split(','))
        {
            Assert.True(new FileInfo(temp[$"s/plots/tornado_{metric}.png"]).Length > 1000);
            Assert.Contains("pension.top_up_income_elasticity", File.ReadAllText(temp[$"s/plots/tornado_{metric}.svg"]), StringComparison.Ordinal);
        }
        var manifest = JsonNode.Parse(File.ReadAllText(temp["s/manifest.json"]))!;
        Assert.Equal("sensitivity", (string)manifest["kind"]!);
        Assert.Equal(runs, (int)manifest["runs"]!);
        Assert.Equal(5, manifest["varied"]!.AsArray().Count);
        Assert.Contains("sensitivity.csv", manifest["files"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task A_point_is_the_scenario_run_with_its_values_from_the_start_and_the_same_command_gives_the_same_bytes()
    {
        using var temp = new TempDirectory();
        string[] command = ["sensitivity", "baseline", "--params", Params + ",pension.top_up_monthly_yuan", "--metrics", Metrics, "--trajectories", "2", .. Small];
        var first = await Cli.Run([.. command, "--out", temp["a"]]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var again = await Cli.Run([.. command, "--out", temp["b"]]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        foreach (string file in new[] { "sensitivity.csv", "sensitivity_runs.csv" })
        {
            Assert.Equal(File.ReadAllBytes(temp[$"a/{file}"]), File.ReadAllBytes(temp[$"b/{file}"]));
        }

        // Run 3 as a sweep point: the same parameters set from the start (the top-up as a factor on every region's value).
        var header = File.ReadLines(temp["a/sensitivity_runs.csv"]).First().Split(',');
        var row = File.ReadLines(temp["a/sensitivity_runs.csv"]).Skip(3).First().Split(',');
        var sets = new List<string>();
        for (int c = 4; c < 4 + 6; c++)
        {
            if (header[c] != "pension.top_up_monthly_yuan")
            {
                sets.AddRange(["--set", $"{header[c]}={row[c]}"]);
                continue;
            }
            double f = double.Parse(row[c], CultureInfo.InvariantCulture);
            var topUps = new EcosystemSim.Model.Parameters.PensionParameters().TopUpMonthlyYuan;
            foreach (var region in Enum.GetValues<EcosystemSim.Model.Region>())
            {
                sets.AddRange(["--set", string.Create(CultureInfo.InvariantCulture, $"{header[c]}.{region.ToString().ToLowerInvariant()}={topUps[region] * f:R}")]);
            }
        }
        var sweep = await Cli.Run(["sweep", "baseline", .. sets, "--out", temp["sweep"], .. Small]);
        Assert.True(sweep.ExitCode == 0, sweep.Stderr);
        string pension = File.ReadLines(temp["sweep/points/001/metrics.csv"]).Select(l => l.Split(','))
            .First(f => f[1] == "2024" && f[2] == "national" && f[3] == "avg_monthly_pension_yuan")[4];
        Assert.Equal(pension, row[Array.IndexOf(header, "avg_monthly_pension_yuan")]);
    }

    [Theory]
    [InlineData("--method sideways", "ecosim: Argument 'sideways' not recognized")]
    [InlineData("--params nothing.here", "ecosim: --params: unknown field 'nothing'")]
    [InlineData("--params pension.vesting_years", "ecosim: --params: 'pension.vesting_years' has no uncertainty range")]
    [InlineData("--params pension.standardised_top_up=0..1", "ecosim: --params: 'pension.standardised_top_up' is not a number")]
    [InlineData("--params health.cost_growth=0.5..0.1", "ecosim: --params: health.cost_growth: the range 0.5..0.1 is empty")]
    [InlineData("--params health.cost_growth=0.1..0.9", "ecosim: --params: with every parameter at the high end of its range, health.cost_growth:")]
    [InlineData("--params health.cost_growth,health.cost_growth", "ecosim: --params: health.cost_growth is given twice")]
    [InlineData("--metrics nothing", "ecosim: --metrics: 'nothing' is not a metric")]
    [InlineData("--metrics product_uptake", "ecosim: --metrics: 'product_uptake' is not reported for national")]
    [InlineData("--year 1999", "ecosim: --year: 1999 is not simulated")]
    [InlineData("--scope moon", "ecosim: --scope: 'moon' is not national")]
    [InlineData("--levels 5", "ecosim: --levels: 5 must be an even number")]
    [InlineData("--trajectories 1", "ecosim: --trajectories: 1 is out of range")]
    [InlineData("--method sobol --samples 2", "ecosim: --samples: 2 is out of range")]
    public async Task Bad_input_is_one_line_with_exit_2_and_nothing_written(string options, string line)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["sensitivity", "baseline", .. options.Split(' '), "--out", temp["s"], .. Small]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(line, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["s"]));
    }
}
