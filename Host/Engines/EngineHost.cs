using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Engines;

/// <summary>
/// What a command's runs execute on: the in-process engine, or one embedded Orleans silo shared by
/// every run of the command (replications, scenarios, sweep points), each run under its own run id.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly EmbeddedSilo? _silo;

    private EngineHost(EngineKind kind, EmbeddedSilo? silo)
    {
        Kind = kind;
        _silo = silo;
    }

    public EngineKind Kind { get; }

    /// <summary>The engine's name in manifests.</summary>
    public string Engine => Kind == EngineKind.InProcess ? "inprocess" : "orleans";

    /// <summary>Silos in the cluster (0 in process).</summary>
    public int Silos => _silo is null ? 0 : 1;

    public static async Task<EngineHost> StartAsync(EngineKind kind, Serilog.ILogger log, CancellationToken cancellationToken) =>
        kind == EngineKind.InProcess ? new EngineHost(kind, null) : new EngineHost(kind, await EmbeddedSilo.StartAsync(log, cancellationToken));

    /// <summary>A fresh simulation for one run.</summary>
    public ISimulation Create() => _silo is null ? new InProcessSimulation() : new OrleansSimulation(_silo.Grains, Silos);

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
    }
}
