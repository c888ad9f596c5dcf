using System.Diagnostics;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Tests.Support;
using Serilog.Core;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// A silo killed during a run (SIGKILL: a machine lost) takes its agents' state with it: the run
/// must end with exit code 1 and one line naming the silo, soon after the silo is declared dead,
/// rather than wait out a county's 30-minute call timeout. A cluster of its own.
/// </summary>
public class LostSiloTests
{
    /// <summary>Detection (5-15 s) plus the client's check every 2 s, with room for a busy machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_silo_killed_during_a_run_ends_it_with_exit_1_and_one_line_naming_the_silo()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        await using var redis = await RedisServer.StartAsync();
        var silos = await SiloProcess.StartManyAsync(redis.Url, 2);
        try
        {
            await KillOneDuringARunAsync(redis, silos, temp);
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }
    }

    private static async Task KillOneDuringARunAsync(RedisServer redis, SiloProcess[] silos, TempDirectory temp)
    {
        await using var watcher = await ClusterConnection.ConnectAsync(ClusterAddress.Parse(redis.Url), ClusterConnection.DefaultClusterId, Logger.None, CancellationToken.None);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = temp.Path };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "run", "baseline", "--households", "3000", "--years", "30", "--cluster", redis.Url, "--out", "o", "-q" })
        {
            start.ArgumentList.Add(arg);
        }
        using var run = Process.Start(start)!;
        try
        {
            await AssertTheRunEndsAsync(run, silos, watcher.Grains, temp);
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
        }
    }

    private static async Task AssertTheRunEndsAsync(Process run, SiloProcess[] silos, IGrainFactory grains, TempDirectory temp)
    {
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        string port = await SiloHostingCountiesAsync(grains, run);
        var victim = silos.Single(s => s.ReadyLine.Contains($"silo 127.0.0.1:{port} ", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        await victim.KillAsync();

        using var timeout = new CancellationTokenSource(Bound);
        await run.WaitForExitAsync(timeout.Token);
        await stdout;
        string[] lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {string.Join('\n', lines)}");
        Assert.StartsWith($"ecosim: the run failed: silo 127.0.0.1:{port} left the cluster during the run", lines[^1], StringComparison.Ordinal);
        KeptLogs.CheckAndRemove(lines[^1], "[ERR] The cluster was lost");
        Assert.DoesNotContain(lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed.TotalSeconds:0} s after the kill");
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    /// <summary>The port of a silo that hosts counties of the running run, once they exist.</summary>
    internal static async Task<string> SiloHostingCountiesAsync(IGrainFactory grains, Process run)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var clock = Stopwatch.StartNew();
        string seen = "nothing";
        while (clock.Elapsed < Bound && !run.HasExited)
        {
            var statistics = await management.GetSimpleGrainStatistics();
            seen = string.Join(", ", statistics.Select(s => $"{s.ActivationCount} {s.GrainType} on {s.SiloAddress.Endpoint}"));
            var counties = statistics.FirstOrDefault(s => s.GrainType.Contains("LocalGovernmentGrain", StringComparison.Ordinal) && s.ActivationCount > 0);
            if (counties is not null) return counties.SiloAddress.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"no county was activated on the cluster before the run ended (seen: {seen})");
    }
}
