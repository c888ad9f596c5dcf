using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Tests.Support;
using Serilog.Core;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// `ecosim run --cluster` on two real `ecosim silo` processes joined through Redis: the same bytes as
/// the embedded silo and the in-process engine, grains on both silos, and the Redis password in no
/// output, log or manifest.
/// </summary>
[Collection(ClusterFixture.Name)]
public class ClusterRunTests(ClusterFixture cluster)
{
    /// <summary>How often the test asks the cluster where its grains are: a 6-year run at this size lasts seconds.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_run_on_two_silos_matches_the_embedded_silo_and_the_in_process_engine_byte_for_byte()
    {
        using var temp = new TempDirectory();
        string[] common = ["run", "baseline", "--households", "3000", "--years", "6", "-q"];
        var hosts = new ConcurrentDictionary<(string Type, string Silo), int>();
        Cli.Result onCluster;
        await using (var watcher = await ClusterConnection.ConnectAsync(ClusterAddress.Parse(cluster.Url), ClusterConnection.DefaultClusterId, Logger.None, CancellationToken.None))
        {
            using var stop = new CancellationTokenSource();
            var watch = WatchGrainsAsync(watcher.Grains, hosts, stop.Token);
            onCluster = await Cli.Run([.. common, "--cluster", cluster.Url, "--out", temp["cluster"]]);
            await stop.CancelAsync();
            await watch;
        }
        Assert.True(onCluster.ExitCode == 0, onCluster.Stderr);
        var embedded = await Cli.Run([.. common, "--out", temp["embedded"]]);
        var inProcess = await Cli.Run([.. common, "--engine", "inprocess", "--out", temp["inprocess"]]);
        Assert.True(embedded.ExitCode == 0 && inProcess.ExitCode == 0, embedded.Stderr + inProcess.Stderr);

        foreach (string file in new[] { "metrics.csv", "summary.csv", "lorenz.csv" })
        {
            byte[] expected = await File.ReadAllBytesAsync(Path.Combine(temp["inprocess"], file));
            byte[] embeddedBytes = await File.ReadAllBytesAsync(Path.Combine(temp["embedded"], file));
            byte[] clusterBytes = await File.ReadAllBytesAsync(Path.Combine(temp["cluster"], file));
            Assert.True(expected.SequenceEqual(embeddedBytes), $"{file}: embedded silo differs");
            Assert.True(expected.SequenceEqual(clusterBytes), $"{file}: cluster differs");
        }

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(temp["cluster"], "manifest.json")))!;
        Assert.Equal("orleans", (string?)manifest["engine"]);
        Assert.Equal(2, (int?)manifest["silos"]);
        Assert.Contains("password=***", (string?)manifest["command_line"], StringComparison.Ordinal);

        // Counties spread over the silos by placement; each county's households live with it.
        string Where(string type) => string.Join(", ", hosts.Where(h => h.Key.Type.Contains(type, StringComparison.Ordinal)).Select(h => $"{h.Key.Silo}: {h.Value}"));
        Assert.True(SilosHosting(hosts, "LocalGovernmentGrain") == 2, $"counties on: {Where("LocalGovernmentGrain")} (all: {string.Join("; ", hosts)})");
        Assert.True(SilosHosting(hosts, "HouseholdGrain") == 2, $"households on: {Where("HouseholdGrain")}");

        foreach (string file in Directory.EnumerateFiles(temp["cluster"], "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(cluster.Password, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(cluster.Password, onCluster.Stdout + onCluster.Stderr, StringComparison.Ordinal);
        Assert.All(cluster.Silos, s => Assert.DoesNotContain(cluster.Password, s.Stderr + s.ReadyLine, StringComparison.Ordinal));
    }

    [Fact]
    public void The_silos_say_ready_with_their_own_addresses_and_the_cluster_without_its_password() =>
        Assert.All(cluster.Silos, s => Assert.Matches(
            @"^ready: silo 127\.0\.0\.1:\d+ \(gateway 127\.0\.0\.1:\d+\) in cluster 'ecosim' through redis://127\.0\.0\.1:\d+\?password=\*\*\*$", s.ReadyLine));

    private static int SilosHosting(ConcurrentDictionary<(string Type, string Silo), int> hosts, string type) =>
        hosts.Keys.Where(k => k.Type.Contains(type, StringComparison.Ordinal)).Select(k => k.Silo).Distinct().Count();

    /// <summary>Records, until cancelled, the most activations of each grain type seen on each silo.</summary>
    private static async Task WatchGrainsAsync(IGrainFactory grains, ConcurrentDictionary<(string Type, string Silo), int> hosts, CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var s in await management.GetSimpleGrainStatistics())
            {
                if (s.ActivationCount > 0) hosts.AddOrUpdate((s.GrainType, s.SiloAddress.ToString()), s.ActivationCount, (_, was) => Math.Max(was, s.ActivationCount));
            }
            try
            {
                await Task.Delay(PollEvery, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
