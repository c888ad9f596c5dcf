using EcosystemSim.Protocol;

namespace EcosystemSim.Engine.Engines;

/// <summary>The engines a run can use.</summary>
public enum EngineKind
{
    /// <summary>Grains on an Orleans cluster: by default one silo embedded in this process, or a cluster of `ecosim silo` processes.</summary>
    Orleans,

    /// <summary>The same protocol on arrays in a plain loop.</summary>
    InProcess,
}

/// <summary>
/// What an experiment's runs execute on: the in-process engine, or an Orleans cluster (the embedded
/// silo, or any cluster reached through a grain factory) shared by every run of the experiment
/// (replications, scenarios, sweep points), each run under its own run id.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IGrainFactory? _grains;
    private readonly IAsyncDisposable? _owned;

    private EngineHost(EngineKind kind, IGrainFactory? grains, int silos, IAsyncDisposable? owned)
    {
        Kind = kind;
        _grains = grains;
        Silos = silos;
        _owned = owned;
    }

    public EngineKind Kind { get; }

    /// <summary>The engine's name in manifests.</summary>
    public string Engine => Name(Kind);

    /// <summary>Silos in the cluster (0 in process).</summary>
    public int Silos { get; }

    /// <summary>Why a cluster reached by <see cref="ConnectAsync"/> was lost during the run (a silo left with its agents' state), or null.</summary>
    public string? Lost => (_owned as ClusterConnection)?.Lost;

    /// <summary>After a failure: asks a cluster at once whether a silo has left it (see <see cref="ClusterConnection.CheckLostAsync"/>); returns <see cref="Lost"/>.</summary>
    public Task<string?> CheckLostAsync() => _owned is ClusterConnection cluster ? cluster.CheckLostAsync() : Task.FromResult(Lost);

    /// <summary>The engine's name in manifests and on the command line.</summary>
    public static string Name(EngineKind kind) => kind == EngineKind.InProcess ? "inprocess" : "orleans";

    /// <summary>The in-process engine, or a silo embedded in this process on loopback.</summary>
    public static async Task<EngineHost> StartAsync(EngineKind kind, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        if (kind == EngineKind.InProcess) return InProcess;
        var silo = await EmbeddedSilo.StartAsync(log, cancellationToken);
        return new EngineHost(kind, silo.Grains, 1, silo);
    }

    /// <summary>The in-process engine (nothing to start or stop).</summary>
    public static EngineHost InProcess { get; } = new(EngineKind.InProcess, null, 0, null);

    /// <summary>A cluster someone else runs (a test cluster, a client's cluster): this host does not stop it.</summary>
    public static EngineHost OnCluster(IGrainFactory grains, int silos) => new(EngineKind.Orleans, grains, silos, null);

    /// <summary>
    /// A cluster of `ecosim silo` processes reached through its Redis membership: every run of the
    /// experiment is a client's calls to it, and disposing the host disconnects the client (the silos
    /// stay). Throws <see cref="ClusterUnavailableException"/> when the cluster cannot be reached in time.
    /// </summary>
    public static async Task<EngineHost> ConnectAsync(ClusterAddress address, string clusterId, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var client = await ClusterConnection.ConnectAsync(address, clusterId, log, cancellationToken);
        return new EngineHost(EngineKind.Orleans, client.Grains, client.Silos, client);
    }

    /// <summary>Fresh agents for one run.</summary>
    public IAgents Create(string runId) =>
        _grains is null ? new InProcessAgents() : new OrleansAgents(_grains, runId, Silos);

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null) await _owned.DisposeAsync();
    }
}
