using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// What a user sees when the cluster is not there or the address is wrong: exit code 1 and one line
/// within a bounded time when it cannot be reached, exit code 2 and one line for a malformed
/// address, never a stack trace or the password. Real processes, so every line on stderr counts.
/// </summary>
public class ClusterFailureTests
{
    /// <summary>The bound the user is promised (docs/cluster.md): the client gives up after 15 s; the process starts and ends around that.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Small: these runs must never start.</summary>
    public static readonly string[] Small = ["run", "baseline", "--households", "300", "--years", "1", "--out", "o", "-q"];

    [Fact]
    public async Task A_redis_nobody_listens_on_fails_with_exit_1_and_one_line_in_bounded_time()
    {
        using var temp = new TempDirectory();
        int closed = RedisServer.FreePort();
        var result = await EcosimProcess.RunAsync(temp.Path, Bound * 2, [.. Small, "--cluster", $"redis://127.0.0.1:{closed}?password=hidden-secret"]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {string.Join('\n', result.StderrLines)}");
        string line = Assert.Single(result.StderrLines);
        Assert.Equal($"ecosim: the run cannot start: cannot reach cluster 'ecosim' through redis://127.0.0.1:{closed}?password=*** within 15 s: Redis at 127.0.0.1:{closed} does not answer", line);
        Assert.True(result.Elapsed < Bound, $"took {result.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task A_wrong_password_fails_at_once_with_exit_1_and_one_line()
    {
        using var temp = new TempDirectory();
        await using var redis = await RedisServer.StartAsync("right-secret");
        string url = $"redis://127.0.0.1:{redis.Port}?password=wrong-secret";
        var result = await EcosimProcess.RunAsync(temp.Path, Bound * 2, [.. Small, "--cluster", url]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {string.Join('\n', result.StderrLines)}");
        Assert.Equal($"ecosim: the run cannot start: cannot reach cluster 'ecosim' through redis://127.0.0.1:{redis.Port}?password=***: Redis at 127.0.0.1:{redis.Port} refused the password",
            Assert.Single(result.StderrLines));
        Assert.True(result.Elapsed < ClusterConnectionDeadline, $"took {result.Elapsed.TotalSeconds:0.0} s: a wrong password is not worth retrying");
    }

    /// <summary>The client's own deadline: a failure that needs no retry must come well before it.</summary>
    private static readonly TimeSpan ClusterConnectionDeadline = EcosystemSim.Engine.Engines.ClusterConnection.ConnectDeadline;

    public static TheoryData<string, string> BadAddresses() => new()
    {
        { "http://127.0.0.1:6379", "is not a Redis address" },
        { "redis://", "names no host" },
        { "127.0.0.1:6379", "is not a Redis address" },
        { "redis://127.0.0.1:99999?password=hidden-secret", "is not a Redis address" },
        { "redis://127.0.0.1:6379?pasword=hidden-secret", "the only setting after '?' is password=" },
        { "redis://:hidden-secret@127.0.0.1:6379", "give the password as ?password=" },
        { "redis://127.0.0.1:6379/0", "nothing after the port" },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task A_malformed_address_is_bad_input_in_one_line_without_the_password(string url, string reason)
    {
        foreach (string command in new[] { "run", "compare", "sweep", "silo" })
        {
            string[] args = command switch
            {
                "run" => ["run", "baseline", "--cluster", url],
                "compare" => ["compare", "baseline", "baseline", "--cluster", url],
                "sweep" => ["sweep", "baseline", "--set", "seed=1,2", "--cluster", url],
                _ => ["silo", "--cluster", url],
            };
            var result = await Cli.Run(args);
            Assert.True(result.ExitCode == 2, $"{command}: exit {result.ExitCode}: {result.Stderr}");
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith("ecosim: --cluster: ", line, StringComparison.Ordinal);
            Assert.Contains(reason, line, StringComparison.Ordinal);
            Assert.DoesNotContain("hidden-secret", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cluster_with_the_in_process_engine_is_bad_input()
    {
        var result = await Cli.Run("run", "baseline", "--cluster", "redis://127.0.0.1:6379", "--engine", "inprocess");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be combined with --engine inprocess", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_leaves_the_cluster_on_ctrl_c_with_exit_0_and_a_silo_without_redis_fails_in_one_line()
    {
        await using var redis = await RedisServer.StartAsync("hidden-secret");
        await using (var silo = await SiloProcess.StartAsync(redis.Url, "--cluster-id", "alone"))
        {
            Assert.Contains("in cluster 'alone'", silo.ReadyLine, StringComparison.Ordinal);
            Assert.Equal(0, await silo.StopAsync());
            Assert.Contains("Left the cluster", silo.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("hidden-secret", silo.Stderr + silo.ReadyLine, StringComparison.Ordinal);
        }
        using var temp = new TempDirectory();
        var wrong = await EcosimProcess.RunAsync(temp.Path, TimeSpan.FromSeconds(60), "silo", "--cluster", $"redis://127.0.0.1:{redis.Port}?password=wrong-secret");
        Assert.True(wrong.ExitCode == 1, $"exit {wrong.ExitCode}: {string.Join('\n', wrong.StderrLines)}");
        Assert.Equal($"ecosim: the silo failed: could not join cluster 'ecosim' through redis://127.0.0.1:{redis.Port}?password=***: Redis at 127.0.0.1:{redis.Port} refused the password",
            wrong.StderrLines[^1]);
        Assert.DoesNotContain(wrong.StderrLines, l => l.Contains(" ERR]", StringComparison.Ordinal) || l.StartsWith("   at ", StringComparison.Ordinal) || l.Contains("wrong-secret", StringComparison.Ordinal));
    }
}
