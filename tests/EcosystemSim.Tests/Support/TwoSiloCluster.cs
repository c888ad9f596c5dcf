using EcosystemSim.Engine.Engines;
using Orleans.TestingHost;

namespace EcosystemSim.Tests.Support;

/// <summary>One two-silo Orleans test cluster in this process, shared by the tests of a collection.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public const string Name = "two-silo cluster";

    private InProcessTestCluster? _cluster;

    /// <summary>The cluster as an engine for the experiment layer.</summary>
    public EngineHost Engine { get; private set; } = EngineHost.InProcess;

    public async Task InitializeAsync()
    {
        _cluster = new InProcessTestClusterBuilder(2).Build();
        await _cluster.DeployAsync();
        Engine = EngineHost.OnCluster(_cluster.Client, _cluster.Silos.Count);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

[CollectionDefinition(TwoSiloCluster.Name)]
public sealed class TwoSiloClusterCollection : ICollectionFixture<TwoSiloCluster>;
