using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Serilog.Extensions.Logging;

namespace EcosystemSim.Engine.Engines;

/// <summary>
/// One silo in this process on loopback: the default engine. Nothing to install; it starts, the
/// run uses its co-hosted client, and it stops with the run.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public static async Task<EmbeddedSilo> StartAsync(Serilog.ILogger logger, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "ecosim" });
        // The process owns Ctrl-C and SIGTERM (the command line's ProcessGuard, the lab's server): the silo's host must not
        // take them, as its default console lifetime does (it would swallow Ctrl-C and stop the silo under a running year).
        builder.Services.AddSingleton<IHostLifetime, ProcessOwnedLifetime>();
        builder.Logging.ClearProviders();
        // Once the command is cancelled the silo's complaints about being stopped (cancelled start-up, calls in flight) are
        // noise: the command says it was interrupted.
        builder.Logging.AddProvider(new SerilogLoggerProvider(logger));
        builder.Logging.AddFilter((_, _) => !cancellationToken.IsCancellationRequested);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        // Free ports, so that several runs can share a machine.
        int siloPort = FreePort(), gatewayPort = FreePort();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "ecosim", clusterId: "ecosim-embedded");
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A host lifetime that leaves Ctrl-C and SIGTERM alone: the host stops when its owner says so. The
/// process owns signals (ProcessGuard); .NET's console lifetime would take them for one host.
/// </summary>
public sealed class ProcessOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
