using System.Diagnostics;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Tests.Support;
using Serilog.Core;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// Issue 14's promise for a lost machine: a checkpointed run on a cluster of two silos, one of them
/// killed with SIGKILL after a checkpoint, fails with exit code 1 and a line saying `ecosim resume OUT`
/// finishes it; one resume on the surviving silo then produces the bytes of a run that was never
/// interrupted (here, the embedded silo's, which the engine identity tests tie to every engine).
/// A cluster of its own, as the kill ends it.
/// </summary>
public class SiloLossResumeTests
{
    /// <summary>Large enough that years take a while on the cluster (a kill lands mid-run), small enough for CI.</summary>
    private static readonly string[] Size = ["--households", "6000", "--years", "30"];

    /// <summary>Every file of a finished run whose bytes a resume must reproduce (the manifest records timings and the engine).</summary>
    private static readonly string[] Outputs = ["metrics.csv", "summary.csv", "lorenz.csv"];

    /// <summary>Death detection (5-15 s), the watch, and a machine busy with the rest of the suite.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_silo_killed_after_a_checkpoint_leaves_a_run_that_one_resume_finishes_to_the_uninterrupted_bytes()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        await using var redis = await RedisServer.StartAsync();
        var silos = await SiloProcess.StartManyAsync(redis.Url, 2);
        try
        {
            await KillOneAfterACheckpointAsync(redis, silos, temp);
            var resumed = await EcosimProcess.RunAsync(temp.Path, Bound, "resume", "o", "--cluster", redis.Url, "-q");
            Assert.True(resumed.ExitCode == 0, $"resume: exit {resumed.ExitCode}: {string.Join('\n', resumed.StderrLines)}");
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }

        var whole = await EcosimProcess.RunAsync(temp.Path, Bound, ["run", "baseline", "--engine", "orleans", "--out", "whole", "-q", .. Size]);
        Assert.True(whole.ExitCode == 0, string.Join('\n', whole.StderrLines));
        foreach (string file in Outputs)
        {
            Assert.True(File.ReadAllBytes(temp[$"whole/{file}"]).AsSpan().SequenceEqual(File.ReadAllBytes(temp[$"o/{file}"])), $"{file} differs after the resume");
        }
        Assert.Equal(["o", "whole"], Directory.GetFileSystemEntries(temp.Path).Select(e => Path.GetFileName(e)!).Order().ToArray());
    }

    private static async Task KillOneAfterACheckpointAsync(RedisServer redis, SiloProcess[] silos, TempDirectory temp)
    {
        await using var watcher = await ClusterConnection.ConnectAsync(ClusterAddress.Parse(redis.Url), ClusterConnection.DefaultClusterId, Logger.None, CancellationToken.None);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = temp.Path };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "run", "baseline", "--checkpoint-every", "2", "--cluster", redis.Url, "--out", "o", "-q" }.Concat(Size))
        {
            start.ArgumentList.Add(arg);
        }
        using var run = Process.Start(start)!;
        try
        {
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = run.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Bound);
            // Finding the silo takes a few calls that a busy cluster answers slowly; the kill waits for the first checkpoint
            // written after that (whole once its file exists: it is renamed into place), so it lands mid-run, not at the end.
            string port = await LostSiloTests.SiloHostingCountiesAsync(watcher.Grains, run);
            int after = CheckpointYears(temp).DefaultIfEmpty(0).Max();
            while (CheckpointYears(temp).All(y => y <= after) && !run.HasExited) await Task.Delay(20, timeout.Token);
            // (Not the run's stderr in the message: an interpolated await would wait for the run to end.)
            Assert.False(run.HasExited, "the run ended before a checkpoint");
            await silos.Single(s => s.ReadyLine.Contains($"silo 127.0.0.1:{port} ", StringComparison.Ordinal)).KillAsync();

            await run.WaitForExitAsync(timeout.Token);
            await stdout;
            string[] lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {string.Join('\n', lines)}");
            Assert.StartsWith($"ecosim: the run failed: silo 127.0.0.1:{port} left the cluster during the run", lines[^1], StringComparison.Ordinal);
            Assert.Contains("'ecosim resume o' continues from the last checkpoint", lines[^1], StringComparison.Ordinal);
            KeptLogs.CheckAndRemove(lines[^1], "[ERR] The cluster was lost");
            Assert.DoesNotContain(lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
        }
        Assert.False(Directory.Exists(temp["o"]), "a failed run wrote its output");
    }

    /// <summary>The years whose checkpoint is whole in the run's working directory.</summary>
    private static IEnumerable<int> CheckpointYears(TempDirectory temp) =>
        Directory.Exists(temp[".o.checkpoints"])
            ? Directory.GetDirectories(temp[".o.checkpoints"]).Where(d => File.Exists(Path.Combine(d, "replication-0.ckpt"))).Select(d => int.Parse(Path.GetFileName(d)!, System.Globalization.CultureInfo.InvariantCulture))
            : [];
}
