using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Tests.Support;
using Serilog.Core;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// The tools on a cluster. `ecosim serve --cluster`: the lab's Orleans runs live on the cluster's
/// silos, not in the lab's process; a run is stepped, inspected and played there, and its metrics are
/// those of the same run in process. `ecosim bench --cluster`: the cluster measured as its client.
/// </summary>
[Collection(ClusterFixture.ToolsName)]
public class LabOnClusterTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_lab_run_on_the_cluster_has_its_agents_on_the_silos_and_the_in_process_bytes()
    {
        await using var lab = await LabServer.StartAsync("--cluster", cluster.Url);
        var api = lab.Client;
        var created = await api.PostAsJsonAsync("/api/runs", new JsonObject { ["scenario"] = "baseline", ["households"] = 1200, ["years"] = 4, ["engine"] = "orleans" });
        var run = await Json(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, run.ToJsonString());
        string id = (string)run["id"]!;
        Assert.Equal(2021, (int)(await Json(await api.PostAsync($"/api/runs/{id}/step", null)))["year"]!);

        // A paused run holds its agents: its counties are activations on the cluster's silos.
        await using (var watcher = await ClusterConnection.ConnectAsync(ClusterAddress.Parse(cluster.Url), ClusterConnection.DefaultClusterId, Logger.None, CancellationToken.None))
        {
            var statistics = await watcher.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            int counties = statistics.Where(s => s.GrainType.Contains("LocalGovernmentGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
            Assert.True(counties >= 40, $"{counties} counties on the cluster: {string.Join("; ", statistics.Select(s => $"{s.ActivationCount} {s.GrainType}"))}");
        }
        var county = await Json(await api.GetAsync($"/api/runs/{id}/counties/3"));
        int member = (int)county["state"]!["household_ids"]![0]!;
        Assert.Equal(member, (int)(await Json(await api.GetAsync($"/api/runs/{id}/households/{member}")))["id"]!);

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync($"/api/runs/{id}/play", new { delay_ms = 0 })).StatusCode);
        await UntilFinishedAsync(api, id);
        using var work = new TempDirectory();
        var zip = await api.GetAsync($"/api/runs/{id}/download");
        await using (var stream = await zip.Content.ReadAsStreamAsync()) System.IO.Compression.ZipFile.ExtractToDirectory(stream, work.Path);
        string folder = Directory.GetDirectories(work.Path).Single();
        var rerun = await Cli.Run("run", Path.Combine(folder, "manifest.json"), "--engine", "inprocess", "--out", work["again"], "--quiet");
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.True(File.ReadAllBytes(Path.Combine(folder, "metrics.csv")).AsSpan().SequenceEqual(File.ReadAllBytes(work["again/metrics.csv"])),
            "the lab's run on the cluster gave another metrics.csv than the same run in process");
        Assert.Equal(0, await lab.StopAsync());
        Assert.DoesNotContain(cluster.Password, lab.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_measures_the_cluster_as_its_client_beside_the_embedded_silo()
    {
        var result = await Cli.Run("bench", "--households", "600", "--years", "3", "--json", "--engines", "cluster", "--cluster", cluster.Url);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("cluster_silos").GetInt32());
        foreach (string field in new[] { "cluster_household_years_per_s", "cluster_activation_us_per_household", "cluster_seconds", "cluster_client_peak_working_set_mb" })
        {
            Assert.True(root.GetProperty(field).GetDouble() > 0, field);
        }
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("orleans_seconds").ValueKind);
        Assert.DoesNotContain("password", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lab_without_its_cluster_fails_to_start_in_one_line()
    {
        var result = await EcosimProcess.RunAsync(Path.GetTempPath(), TimeSpan.FromSeconds(60), "serve", "--cluster", "redis://127.0.0.1:1");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("ecosim: the lab cannot start: cannot reach cluster 'ecosim' through redis://127.0.0.1:1", result.StderrLines[^1], StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    private static async Task UntilFinishedAsync(HttpClient api, string id)
    {
        for (int i = 0; i < 600; i++)
        {
            var status = await Json(await api.GetAsync($"/api/runs/{id}"));
            if ((string)status["state"]! == "finished") return;
            Assert.NotEqual("failed", (string)status["state"]!);
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {id} did not finish");
    }

    private static async Task<JsonNode> Json(HttpResponseMessage answer) => JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
}
