using EcosystemSim.Engine.Engines;
using Orleans.TestingHost;
using Serilog.Core;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// Every engine a run can use, started once for the tests of a collection: the in-process engine,
/// an embedded single silo (as `ecosim run` starts it) and a two-silo Orleans test cluster.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string Name = "engines";

    private InProcessTestCluster? _cluster;

    /// <summary>One silo embedded in this process, on loopback.</summary>
    public EngineHost Embedded { get; private set; } = EngineHost.InProcess;

    /// <summary>A cluster of two silos.</summary>
    public EngineHost TwoSilos { get; private set; } = EngineHost.InProcess;

    /// <summary>The two silos' client, for their management grain.</summary>
    public IClusterClient TwoSilosClient => _cluster?.Client ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>The engines by name, the in-process oracle first.</summary>
    public IReadOnlyList<(string Name, EngineHost Engine)> All =>
        [("inprocess", EngineHost.InProcess), ("embedded silo", Embedded), ("two silos", TwoSilos)];

    public async Task InitializeAsync()
    {
        Embedded = await EngineHost.StartAsync(EngineKind.Orleans, Logger.None, CancellationToken.None);
        _cluster = new InProcessTestClusterBuilder(2).Build();
        await _cluster.DeployAsync();
        TwoSilos = EngineHost.OnCluster(_cluster.Client, _cluster.Silos.Count);
    }

    public async Task DisposeAsync()
    {
        await Embedded.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

[CollectionDefinition(EngineFixture.Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>;
