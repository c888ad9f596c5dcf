using System.Diagnostics;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>
/// `run --checkpoint-every`, `resume`, `--keep-checkpoints` and `--from` from the command line: a
/// run killed with SIGKILL resumes to the bytes of the run that was never stopped, on either
/// engine; a reform forked from a kept checkpoint equals the reform run from the start; bad input
/// is exit 2 with one line.
/// </summary>
public class CheckpointCommandTests
{
    private static readonly string[] Size = ["--households", "2500", "--years", "10"];

    /// <summary>
    /// The killed run's size: years enough after 2024 that the test sees a checkpoint of 2024 or later before the run ends, on a
    /// loaded machine too. (Waiting for the 2024 checkpoint itself raced: it lives only until the next one replaces it, and a
    /// ten-year in-process run once went past it and finished between two looks of the test.)
    /// </summary>
    private static readonly string[] KillSize = ["--households", "2500", "--years", "30"];

    private static readonly string[] Outputs = ["metrics.csv", "summary.csv", "lorenz.csv"];

    [Theory]
    [InlineData("orleans")]
    [InlineData("inprocess")]
    public async Task A_run_killed_mid_run_resumes_to_the_bytes_of_the_run_that_never_stopped(string engine)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        string killed = temp["killed"];
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = temp.Path };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "run", "baseline", "--engine", engine, "--checkpoint-every", "2", "--out", killed }
                     .Concat(KillSize))
        {
            start.ArgumentList.Add(arg);
        }
        using (var process = Process.Start(start)!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Killed without warning once a checkpoint of 2024 or later is whole (from the fourth year of thirty on).
            string checkpoints = Path.Combine(temp.Path, ".killed.checkpoints");
            bool Checkpointed() => Directory.Exists(checkpoints) && Directory.EnumerateDirectories(checkpoints)
                .Any(d => int.TryParse(Path.GetFileName(d), out int year) && year >= 2024 && File.Exists(Path.Combine(d, "replication-0.ckpt")));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (!Checkpointed() && !process.HasExited) await Task.Delay(20, timeout.Token);
            Assert.False(process.HasExited, "the run ended before it could be killed");
            process.Kill();
            await process.WaitForExitAsync(timeout.Token);
        }
        Assert.False(Directory.Exists(killed));

        var resumed = await Cli.Run("resume", killed, "-q");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        var whole = await Cli.Run(["run", "baseline", "--engine", engine, "--out", temp["whole"], "-q", .. KillSize]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        foreach (string file in Outputs) Assert.True(File.ReadAllText(temp[$"whole/{file}"]) == File.ReadAllText(temp[$"killed/{file}"]), $"{engine}: {file} differs after resume");
        // Nothing left behind: the checkpoints went with the finished run, the dead process's work directory with the resume.
        Assert.Equal(["killed", "whole"], Directory.GetFileSystemEntries(temp.Path).Select(e => Path.GetFileName(e)!).Order().ToArray());
    }

    [Fact]
    public async Task A_reform_forked_from_a_kept_checkpoint_equals_the_reform_run_from_the_start()
    {
        using var temp = new TempDirectory();
        var baseline = await Cli.Run(["run", "baseline", "--engine", "inprocess", "--checkpoint-every", "3", "--keep-checkpoints", "--out", temp["base"], "-q", .. Size]);
        Assert.True(baseline.ExitCode == 0, baseline.Stderr);
        Assert.Equal(["2023", "2026", "2029"], Directory.GetDirectories(temp["base/checkpoints"]).Select(d => Path.GetFileName(d)!).Order().ToArray());
        Assert.Contains("checkpoints/2026/replication-0.ckpt", File.ReadAllText(temp["base/manifest.json"]));

        // benefit-raise changes the minimum pension from 2027, after the checkpoint at the end of 2026.
        var forked = await Cli.Run("run", "benefit-raise", "--engine", "inprocess", "--from", temp["base/checkpoints/2026"], "--out", temp["forked"], "-q");
        Assert.True(forked.ExitCode == 0, forked.Stderr);
        var scratch = await Cli.Run(["run", "benefit-raise", "--engine", "inprocess", "--out", temp["scratch"], "-q", .. Size]);
        Assert.True(scratch.ExitCode == 0, scratch.Stderr);
        foreach (string file in Outputs) Assert.True(File.ReadAllText(temp[$"scratch/{file}"]) == File.ReadAllText(temp[$"forked/{file}"]), $"{file} of the fork differs");
        Assert.NotEqual(File.ReadAllText(temp["base/metrics.csv"]), File.ReadAllText(temp["forked/metrics.csv"]));

        // compare --from: the baseline and the reform both start from the checkpoint, to the comparison run from scratch.
        var quick = await Cli.Run("compare", "baseline", "benefit-raise", "--engine", "inprocess", "--from", temp["base/checkpoints/2026"], "--out", temp["cmp-from"], "-q");
        Assert.True(quick.ExitCode == 0, quick.Stderr);
        var slow = await Cli.Run(["compare", "baseline", "benefit-raise", "--engine", "inprocess", "--out", temp["cmp"], "-q", .. Size]);
        Assert.True(slow.ExitCode == 0, slow.Stderr);
        Assert.Equal(File.ReadAllText(temp["cmp/comparison.csv"]), File.ReadAllText(temp["cmp-from/comparison.csv"]));

        // A fork whose change comes at or before the checkpoint's year is refused, naming the intervention.
        var early = await Cli.Run("run", "benefit-raise", "--engine", "inprocess", "--from", temp["base/checkpoints/2029"], "--out", temp["early"]);
        Assert.Equal(2, early.ExitCode);
        Assert.Contains("interventions[0] (year 2027", early.Stderr);
        Assert.Single(early.StderrLines);
        var size = await Cli.Run("run", "benefit-raise", "--from", temp["base/checkpoints/2026"], "--households", "999", "--out", temp["size"]);
        Assert.Equal(2, size.ExitCode);
        Assert.Contains("--households", size.Stderr);
    }

    [Theory]
    [InlineData("--keep-checkpoints", "needs --checkpoint-every")]
    [InlineData("--checkpoint-every 0", "out of range")]
    [InlineData("--checkpoint-every 2 --dump-households first", "--dump-households cannot be combined")]
    [InlineData("--from /nonexistent/2025", "holds no checkpoint")]
    public async Task Bad_checkpoint_options_exit_2_with_one_line(string options, string message)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["run", "baseline", "--engine", "inprocess", "--out", temp["o"], .. options.Split(' '), .. Size]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.StderrLines);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Resume_refuses_what_it_cannot_continue_and_a_new_run_does_not_lose_an_interrupted_one()
    {
        using var temp = new TempDirectory();
        var nothing = await Cli.Run("resume", temp["never"]);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("no interrupted run", nothing.Stderr);

        // An interrupted run's checkpoints: a new run into the same output keeps them unless --force.
        Directory.CreateDirectory(temp[".o.checkpoints"]);
        File.WriteAllText(temp[".o.checkpoints/resume.json"], "{ not json");
        var again = await Cli.Run(["run", "baseline", "--engine", "inprocess", "--checkpoint-every", "5", "--out", temp["o"], .. Size]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("'ecosim resume", again.Stderr);
        var damaged = await Cli.Run("resume", temp["o"]);
        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("damaged", damaged.Stderr);
        var forced = await Cli.Run(["run", "baseline", "--engine", "inprocess", "--checkpoint-every", "5", "--out", temp["o"], "--force", "-q", .. Size]);
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.False(Directory.Exists(temp[".o.checkpoints"]));
        var done = await Cli.Run("resume", temp["o"]);
        Assert.Equal(2, done.ExitCode);
        Assert.Contains("nothing to resume", done.Stderr);

        // A directory of that name that ecosim did not write is never touched.
        Directory.CreateDirectory(temp[".mine.checkpoints"]);
        File.WriteAllText(temp[".mine.checkpoints/notes.txt"], "mine");
        var mine = await Cli.Run(["run", "baseline", "--engine", "inprocess", "--checkpoint-every", "5", "--out", temp["mine"], "--force", .. Size]);
        Assert.Equal(2, mine.ExitCode);
        Assert.Equal("mine", File.ReadAllText(temp[".mine.checkpoints/notes.txt"]));
    }
}
