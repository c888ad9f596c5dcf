using EcosystemSim.Tests.Scenarios;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

public class RunCommandTests
{
    private static readonly string Baseline = Path.Combine(ScenarioLoaderTests.RepositoryRoot(), "Scenarios", "baseline.yaml");

    private static Task<Cli.Result> RunBaseline(string output, string engine, params string[] extra) =>
        Cli.Run(["run", Baseline, "--out", output, "--households", "2000", "--years", "5", "--engine", engine, "-q", .. extra]);

    [Fact]
    public async Task Both_engines_write_the_run_directory_and_agree_byte_for_byte()
    {
        using var temp = new TempDirectory();
        var orleans = await RunBaseline(temp["orleans"], "orleans");
        var inprocess = await RunBaseline(temp["inprocess"], "inprocess");
        Assert.True(orleans.ExitCode == 0, orleans.Stderr);
        Assert.True(inprocess.ExitCode == 0, inprocess.Stderr);
        foreach (string file in new[] { "manifest.json", "metrics.csv", "ecosim.log", "plots/pension_coverage.png", "plots/pension_coverage.svg", "plots/pension_amounts.png", "plots/pension_amounts.svg" })
        {
            Assert.True(File.Exists(Path.Combine(temp["orleans"], file)), file);
        }
        byte[] a = await File.ReadAllBytesAsync(temp["orleans/metrics.csv"]);
        byte[] b = await File.ReadAllBytesAsync(temp["inprocess/metrics.csv"]);
        Assert.Equal(a, b);
        string[] lines = (await File.ReadAllTextAsync(temp["orleans/metrics.csv"])).Split('\n');
        Assert.Equal("replication,year,region,metric,value", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("0,2025,northeast,avg_monthly_pension_yuan,", StringComparison.Ordinal));
        string manifest = await File.ReadAllTextAsync(temp["orleans/manifest.json"]);
        Assert.Contains("\"engine\": \"orleans\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"silos\": 1", manifest, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(temp.Path, ".*partial*"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, (await RunBaseline(temp["a"], "inprocess")).ExitCode);
        Assert.Equal(0, (await RunBaseline(temp["b"], "inprocess")).ExitCode);
        Assert.Equal(0, (await RunBaseline(temp["c"], "inprocess", "--seed", "2")).ExitCode);
        string a = await File.ReadAllTextAsync(temp["a/metrics.csv"]);
        Assert.Equal(a, await File.ReadAllTextAsync(temp["b/metrics.csv"]));
        Assert.NotEqual(a, await File.ReadAllTextAsync(temp["c/metrics.csv"]));
    }

    [Fact]
    public async Task A_malformed_scenario_exits_2_with_one_line_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        string scenario = temp["bad.yaml"];
        await File.WriteAllTextAsync(scenario, "name: bad\nhouseholds: lots\n");
        var result = await Cli.Run("run", scenario, "--out", temp["out"]);
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Equal($"{scenario}:2:13: households: expected a whole number, found 'lots'", line);
        Assert.False(Directory.Exists(temp["out"]));
        Assert.Equal([scenario], Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [MemberData(nameof(ScenarioLoaderTests.MalformedFiles), MemberType = typeof(ScenarioLoaderTests))]
    public async Task Every_malformed_file_in_the_corpus_exits_2_naming_the_file_and_writes_nothing(string name)
    {
        using var temp = new TempDirectory();
        string corpus = Path.Combine(AppContext.BaseDirectory, "Data", "malformed");
        string path = Path.Combine(corpus, name);
        foreach (string command in new[] { "run", "validate" })
        {
            var result = await Cli.Run(command == "run" ? ["run", path, "--out", temp["out"], "--engine", "inprocess"] : ["validate", path]);
            Assert.Equal(2, result.ExitCode);
            Assert.NotEmpty(result.StderrLines);
            Assert.All(result.StderrLines, line => Assert.StartsWith(corpus, line, StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(temp["out"]));
        }
    }

    [Theory]
    [InlineData("--households", "0", "--households: 0 is out of range: must be between 1 and 50000000")]
    [InlineData("--years", "500", "--years: 500 is out of range: must be between 1 and 200")]
    [InlineData("--households", "abc", "--households")]
    [InlineData("--engine", "warp", "warp")]
    [InlineData("--frobnicate", "1", "--frobnicate")]
    public async Task A_bad_argument_exits_2_with_one_line_naming_it(string option, string value, string expected)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run("run", Baseline, "--out", temp["out"], option, value);
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task An_existing_output_directory_is_kept_unless_forced_and_force_replaces_only_an_ecosim_output()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp["out/sub"]);
        await File.WriteAllTextAsync(temp["out/keep.txt"], "mine");
        var refused = await RunBaseline(temp["out"], "inprocess");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists", Assert.Single(refused.StderrLines), StringComparison.Ordinal);
        Assert.True(File.Exists(temp["out/keep.txt"]));

        // Issue 12: --force deleted whatever --out named.
        var forced = await RunBaseline(temp["out"], "inprocess", "--force");
        Assert.Equal(2, forced.ExitCode);
        Assert.Contains("not an EcosystemSim output", Assert.Single(forced.StderrLines), StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(temp["out/keep.txt"]));
        Assert.True(Directory.Exists(temp["out/sub"]));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".*"));

        // A run directory is replaced by a new run.
        var first = await RunBaseline(temp["run"], "inprocess");
        Assert.Equal(0, first.ExitCode);
        await File.WriteAllTextAsync(temp["run/marker.txt"], "old run");
        var again = await RunBaseline(temp["run"], "inprocess", "--force");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.False(File.Exists(temp["run/marker.txt"]));
        Assert.True(File.Exists(temp["run/metrics.csv"]));
    }

    [Fact]
    public async Task Help_exits_0_and_names_the_commands()
    {
        var result = await Cli.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("run", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("validate", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("list", result.Stdout, StringComparison.Ordinal);
        var runHelp = await Cli.Run("run", "--help");
        Assert.Equal(0, runHelp.ExitCode);
        Assert.Contains("--engine", runHelp.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_exits_2()
    {
        var result = await Cli.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
    }
}
