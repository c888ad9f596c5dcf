using System.Globalization;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Experiments;

/// <summary>
/// `ecosim solve`: the search on functions whose roots are known, and on a scenario whose metric is
/// a known linear function of a parameter; bad input in one line with exit 2.
/// </summary>
public class SolverTests
{
    private static readonly SolveTarget Target = new("m", 10, 2030, "national");

    [Fact]
    public async Task Paired_linear_replications_give_the_mean_of_their_own_roots_with_an_interval()
    {
        // Replication r: f_r(x) = a_r + 2x, root (10 - a_r) / 2: 4.5, 4, 3.5 -> mean 4.
        double[] a = [1, 2, 3];
        var result = await Solver.SolveAsync("p", 0, 100, Target, 1e-9, 20, x => Task.FromResult(a.Select(ar => ar + 2 * x).ToArray()));
        var root = Assert.NotNull(result.Root);
        Assert.Equal(4, root.Mean, 9);
        Assert.Equal(3, root.N);
        Assert.True(root.CiLow < 4 && root.CiHigh > 4 && root.CiLow > 2 && root.CiHigh < 6, $"{root.CiLow}..{root.CiHigh}");
        Assert.Null(result.OutOfReach);
        Assert.True(result.Evaluations.Count <= 4, $"{result.Evaluations.Count} runs for a linear function");
    }

    [Theory]
    [InlineData(1.0)] // increasing
    [InlineData(-1.0)] // decreasing
    public async Task A_curved_monotone_metric_is_solved_within_the_tolerance(double direction)
    {
        // f(x) = direction * x^3, target 10 * direction: root 10^(1/3).
        var target = Target with { Value = 10 * direction };
        var result = await Solver.SolveAsync("p", 0, 5, target, 1e-6, 60, x => Task.FromResult(new[] { direction * x * x * x, direction * x * x * x }));
        Assert.Equal(Math.Cbrt(10), Assert.NotNull(result.Root).Mean, 5);
        Assert.True(result.Evaluations.Count < 30, $"{result.Evaluations.Count} runs: the Illinois step should not stall at one end");
    }

    [Fact]
    public async Task A_target_the_range_does_not_straddle_is_out_of_reach_with_the_values_at_both_ends()
    {
        var result = await Solver.SolveAsync("p", 0, 1, Target, 0.01, 12, x => Task.FromResult(new[] { x, x }));
        Assert.Null(result.Root);
        Assert.Equal("m (national, 2030) goes from 0 at p=0 to 1 at 1: 10 is out of reach in this range", result.OutOfReach);
        Assert.Equal(2, result.Evaluations.Count);
    }

    [Fact]
    public async Task The_search_stops_at_its_run_limit()
    {
        var result = await Solver.SolveAsync("p", 0, 100, Target, 1e-12, 5, x => Task.FromResult(new[] { Math.Tanh(x - 30) * 100 + 10 - 1e-3 }));
        Assert.Equal(5, result.Evaluations.Count);
        Assert.NotNull(result.Root);
    }

    [Fact]
    public async Task On_a_scenario_the_poverty_line_parameter_that_gives_a_line_of_known_value_is_found()
    {
        // poverty_line_yuan in a year is welfare.poverty_line_yuan indexed to prices: linear through zero. The baseline's line
        // (4,000 in 2020) gives L in 2022; the line that gives 1.25 L is 5,000.
        using var temp = new TempDirectory();
        string[] size = ["--households", "400", "--years", "2", "--replications", "2", "--engine", "inprocess", "-q"];
        var baseline = await Cli.Run(["run", "baseline", "--out", temp["b"], .. size]);
        Assert.True(baseline.ExitCode == 0, baseline.Stderr);
        double line = File.ReadLines(temp["b/metrics.csv"]).Select(l => l.Split(','))
            .Where(f => f[1] == "2022" && f[2] == "national" && f[3] == "poverty_line_yuan").Select(f => double.Parse(f[4], CultureInfo.InvariantCulture)).First();
        string target = (1.25 * line).ToString("R", CultureInfo.InvariantCulture);
        var solved = await Cli.Run(["solve", "baseline", "--vary", "welfare.poverty_line_yuan=1000..9000", "--target", $"poverty_line_yuan={target}", "--year", "2022", "--out", temp["s"], .. size]);
        Assert.True(solved.ExitCode == 0, solved.Stderr);
        Assert.StartsWith("welfare.poverty_line_yuan = 5000 (95% interval 5000 to 5000, 2 replications) gives poverty_line_yuan", solved.Stdout, StringComparison.Ordinal);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(temp["s/solve.json"]))!;
        Assert.Equal(5000, (double)json["solution"]!["mean"]!, 6);
        Assert.Equal("run,value,mean,sd,ci_low,ci_high,n", File.ReadLines(temp["s/solve.csv"]).First());
    }

    [Theory]
    [InlineData("--vary welfare.poverty_line_yuan=5..1 --target poverty_headcount=0.1", "ecosim: --vary: the range 5..1 is empty: LOW must be below HIGH")]
    [InlineData("--vary welfare.poverty_line_yuan --target poverty_headcount=0.1", "ecosim: --vary: 'welfare.poverty_line_yuan' is not PATH=LOW..HIGH")]
    [InlineData("--vary welfare.poverty_line_yuan=1..5 --target nothing=0.1", "ecosim: --target: 'nothing' is not a metric")]
    [InlineData("--vary pension.vesting_years=10..21 --target poverty_headcount=0.1", "ecosim: --vary: pension.vesting_years=15.5: expected a whole number")]
    [InlineData("--vary welfare.poverty_line_yuan=1..5 --target poverty_headcount=0.1 --year 1999", "ecosim: --year: 1999 is not simulated")]
    [InlineData("--vary welfare.poverty_line_yuan=1..5 --target poverty_headcount=0.1 --scope moon", "ecosim: --scope: 'moon' is not national")]
    public async Task Bad_input_is_one_line_with_exit_2_and_nothing_written(string options, string line)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["solve", "baseline", .. options.Split(' '), "--out", temp["s"]]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(line, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["s"]));
    }
}
