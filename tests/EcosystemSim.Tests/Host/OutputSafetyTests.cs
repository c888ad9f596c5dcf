using EcosystemSim.Reports.Output;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>Issue 12, data safety: --force replaces only this program's outputs, atomically; killed runs leave nothing behind for long.</summary>
public class OutputSafetyTests
{
    [Fact]
    public async Task Compare_and_sweep_with_force_refuse_a_users_directory()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp["notes"]);
        await File.WriteAllTextAsync(temp["notes/thesis.docx"], "draft");
        string[] small = ["--households", "200", "--years", "2", "--engine", "inprocess", "-q", "--force", "--out", temp["notes"]];
        var compare = await Cli.Run(["compare", "baseline", "premium-spiral", .. small]);
        var sweep = await Cli.Run(["sweep", "baseline", "--set", "pension.vesting_years=10,15", .. small]);
        foreach (var result in new[] { compare, sweep })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("not an EcosystemSim output", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        }
        Assert.Equal(["thesis.docx"], Directory.GetFileSystemEntries(temp["notes"]).Select(Path.GetFileName));
        Assert.Equal("draft", await File.ReadAllTextAsync(temp["notes/thesis.docx"]));
    }

    [Fact]
    public async Task A_sweep_with_force_replaces_a_different_sweep()
    {
        using var temp = new TempDirectory();
        string[] small = ["--households", "200", "--years", "2", "--engine", "inprocess", "-q", "--out", temp["s"]];
        Assert.Equal(0, (await Cli.Run(["sweep", "baseline", "--set", "pension.vesting_years=10", .. small])).ExitCode);
        var other = await Cli.Run(["sweep", "baseline", "--set", "pension.vesting_years=12", "--force", .. small]);
        Assert.True(other.ExitCode == 0, other.Stderr);
        Assert.Contains("\"12\"", await File.ReadAllTextAsync(temp["s/sweep.json"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_directory_a_file_and_a_users_directory_are_not_replaceable_an_output_and_an_empty_one_are()
    {
        using var temp = new TempDirectory();
        Assert.Contains("current directory", OutputSafety.WhyNotReplaceable(Directory.GetCurrentDirectory()), StringComparison.Ordinal);
        Assert.Contains("current directory", OutputSafety.WhyNotReplaceable(Path.GetDirectoryName(Directory.GetCurrentDirectory())!), StringComparison.Ordinal);
        File.WriteAllText(temp["file"], "x");
        Assert.Contains("is a file", OutputSafety.WhyNotReplaceable(temp["file"]), StringComparison.Ordinal);
        Directory.CreateDirectory(temp["mine"]);
        File.WriteAllText(temp["mine/manifest.json"], "{\"name\": \"not ours\"}");
        Assert.Contains("not an EcosystemSim output", OutputSafety.WhyNotReplaceable(temp["mine"]), StringComparison.Ordinal);
        Directory.CreateDirectory(temp["run"]);
        File.WriteAllText(temp["run/manifest.json"], "{\"program_version\": \"0.1.0\", \"files\": []}");
        Assert.Null(OutputSafety.WhyNotReplaceable(temp["run"]));
        Directory.CreateDirectory(temp["empty"]);
        Assert.Null(OutputSafety.WhyNotReplaceable(temp["empty"]));
        Assert.Null(OutputSafety.WhyNotReplaceable(temp["absent"]));
    }

    [Fact]
    public void A_failed_final_rename_puts_the_old_output_back_under_its_name()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp["run"]);
        File.WriteAllText(temp["run/manifest.json"], "{\"program_version\": \"0.1.0\", \"files\": []}");
        using var directory = RunDirectory.Create(temp["run"], replace: true);
        File.WriteAllText(directory.File("metrics.csv"), "new");
        // The old output keeps its name while the new one is written.
        Assert.True(File.Exists(temp["run/manifest.json"]));
        int moves = 0;
        directory.Move = (from, to) =>
        {
            if (++moves == 2) throw new IOException("disk gone");
            Directory.Move(from, to);
        };
        Assert.Throws<IOException>(directory.Commit);
        Assert.True(File.Exists(temp["run/manifest.json"]));
        Assert.False(File.Exists(temp["run/metrics.csv"]));
        Assert.Empty(Directory.GetDirectories(temp.Path, "*.old"));
    }

    [Fact]
    public void Leftovers_of_killed_runs_are_cleaned_and_an_old_output_moved_aside_is_restored()
    {
        using var temp = new TempDirectory();
        int gone = DeadProcessId();
        string A = new('a', 32), B = new('b', 32), C = new('c', 32);
        // Not the shape ecosim makes: never touched.
        Directory.CreateDirectory(temp[$".run.partial-{gone}-mine"]);
        // A killed run's work directory, and a killed commit's old output with no replacement.
        Directory.CreateDirectory(temp[$".run.partial-{gone}-{A}"]);
        Directory.CreateDirectory(temp[$".kept.partial-{gone}-{B}.old"]);
        File.WriteAllText(temp[$".kept.partial-{gone}-{B}.old/manifest.json"], "{}");
        // A live process's work directory is not touched.
        Directory.CreateDirectory(temp[$".run.partial-{Environment.ProcessId}-{C}"]);

        using (RunDirectory.Create(temp["run"], replace: false)) { }
        OutputSafety.CleanLeftovers(temp.Path, "kept");

        Assert.False(Directory.Exists(temp[$".run.partial-{gone}-{A}"]));
        Assert.True(Directory.Exists(temp[$".run.partial-{Environment.ProcessId}-{C}"]));
        Assert.True(Directory.Exists(temp[$".run.partial-{gone}-mine"]));
        Assert.True(File.Exists(temp["kept/manifest.json"]));
        Assert.False(Directory.Exists(temp[$".kept.partial-{gone}-{B}.old"]));
    }

    /// <summary>A process id no process has now.</summary>
    private static int DeadProcessId()
    {
        for (int pid = 4_000_000; ; pid--)
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
            }
            catch (ArgumentException)
            {
                return pid;
            }
        }
    }
}

/// <summary>Issue 12 item 13: option values that do not parse get plain words, not .NET type names.</summary>
public class OptionValueTests
{
    [Theory]
    [InlineData(new[] { "run", "baseline", "--households", "99999999999" }, "ecosim: --households must be a whole number from 1 to 50,000,000; '99999999999' is not")]
    [InlineData(new[] { "run", "baseline", "--seed", "-1" }, "ecosim: --seed must be a whole number from 0 to 18,446,744,073,709,551,615; '-1' is not")]
    [InlineData(new[] { "bench", "--years", "abc" }, "ecosim: --years must be a whole number from 1 to 200; 'abc' is not")]
    [InlineData(new[] { "compare", "baseline", "premium-spiral", "--replications", "1e3" }, "ecosim: --replications must be a whole number from 1 to 10,000; '1e3' is not")]
    public async Task A_value_that_does_not_parse_is_named_with_its_range(string[] args, string expected)
    {
        var result = await Cli.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>Issue 12 item 7: an --out that cannot be written is refused before any simulation, for every command that writes.</summary>
public class UnwritableOutputTests
{
    public static TheoryData<string, string> Outputs()
    {
        string file = Path.Combine(Path.GetTempPath(), $"ecosim-a-file-{Guid.NewGuid():N}");
        File.WriteAllText(file, "x");
        return new TheoryData<string, string>
        {
            { "", "the path is empty" },
            { "/proc/ecosim-x", "cannot write in /proc" },
            { Path.Combine(file, "sub"), "which is a file" },
        };
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task Run_compare_sweep_calibrate_and_backtest_refuse_an_output_they_cannot_write(string path, string expected)
    {
        string[] small = ["--households", "200", "--years", "2", "--engine", "inprocess", "-q", "--out", path];
        foreach (var args in new[]
                 {
                     ["run", "baseline", .. small], ["compare", "baseline", "premium-spiral", .. small],
                     ["sweep", "baseline", "--set", "pension.vesting_years=10", .. small], new[] { "calibrate", "--seeds", "1", "--households", "200", "--out", path },
                     ["backtest", "--seeds", "1", "--households", "200", "--out", path],
                 })
        {
            var result = await Cli.Run(args);
            Assert.True(result.ExitCode == 2, $"{args[0]}: {result.Stderr}");
            Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("calibrate")]
    [InlineData("backtest")]
    public async Task A_generated_page_does_not_overwrite_a_file_the_command_did_not_write(string command)
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp["notes.md"], "# My notes\n");
        var result = await Cli.Run(command, "--seeds", "1", "--households", "200", "--out", temp["notes.md"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"not written by ecosim {command}", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal("# My notes\n", await File.ReadAllTextAsync(temp["notes.md"]));
    }
}

/// <summary>Issue 12 item 6: a run that cannot fit in memory fails at once with the estimate and the limit.</summary>
public class MemoryLimitTests
{
    [Theory]
    [InlineData("inprocess")]
    [InlineData("orleans")]
    public async Task A_run_too_big_for_the_machine_fails_before_it_starts(string engine)
    {
        using var temp = new TempDirectory();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Cli.Run("run", "baseline", "--households", "50000000", "--engine", engine, "--out", temp["o"]);
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Contains("would need about", line, StringComparison.Ordinal);
        Assert.Contains("this machine allows", line, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
