using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// Redis is there but no silo has joined the cluster: exit code 1 and one line within the bound.
/// A class of its own so that it waits out the client's deadline beside the other cluster tests.
/// </summary>
public class ClusterWithoutSilosTests
{
    [Fact]
    public async Task A_cluster_without_silos_fails_with_exit_1_and_one_line_in_bounded_time()
    {
        using var temp = new TempDirectory();
        await using var redis = await RedisServer.StartAsync();
        var result = await EcosimProcess.RunAsync(temp.Path, ClusterFailureTests.Bound * 2, [.. ClusterFailureTests.Small, "--cluster", redis.Url, "--cluster-id", "empty"]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {string.Join('\n', result.StderrLines)}");
        string line = Assert.Single(result.StderrLines);
        Assert.Contains("cannot reach cluster 'empty'", line, StringComparison.Ordinal);
        Assert.Contains("no silo has joined the cluster", line, StringComparison.Ordinal);
        Assert.True(result.Elapsed < ClusterFailureTests.Bound, $"took {result.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
