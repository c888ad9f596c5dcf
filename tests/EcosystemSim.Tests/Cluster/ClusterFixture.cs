using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// A real cluster for the tests of a collection: a redis-server that needs a password, and two
/// `ecosim silo` processes joined through it, stopped with Ctrl-C afterwards (a clean leave is
/// tested on a silo of its own: ClusterFailureTests).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Name = "cluster";

    /// <summary>
    /// A second cluster, for the tools that use one (the lab, bench): their runs leave one silo
    /// busier than the other, and resource-optimised placement would then put every county of the
    /// next run on the idler silo, which the spread test of <see cref="Name"/> must not see.
    /// </summary>
    public const string ToolsName = "cluster-tools";

    /// <summary>A password no log or output may repeat: the tests look for it.</summary>
    public string Password { get; } = "pw" + Guid.NewGuid().ToString("N");

    public RedisServer Redis { get; private set; } = null!;

    public IReadOnlyList<SiloProcess> Silos { get; private set; } = [];

    /// <summary>The address a client passes to --cluster, password included.</summary>
    public string Url => Redis.Url;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync(Password);
        try
        {
            Silos = await SiloProcess.StartManyAsync(Url, 2);
        }
        catch
        {
            await Redis.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(Silos.Select(s => s.DisposeAsync().AsTask()));
        await Redis.DisposeAsync();
    }
}

[CollectionDefinition(ClusterFixture.Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;

[CollectionDefinition(ClusterFixture.ToolsName)]
public sealed class ClusterToolsCollection : ICollectionFixture<ClusterFixture>;
