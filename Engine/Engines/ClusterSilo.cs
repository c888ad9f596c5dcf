using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Serilog.Extensions.Logging;

namespace EcosystemSim.Engine.Engines;

/// <summary>
/// Where a silo listens and whom it joins: the membership address, the cluster's id, the address
/// other machines reach it at (null: loopback only) and its two ports (0: a free one).
/// </summary>
public sealed record SiloSettings(ClusterAddress Cluster, string ClusterId, IPAddress? Advertise, int SiloPort, int GatewayPort);

/// <summary>
/// One silo of a real cluster (`ecosim silo`): it hosts the simulation's grains, joins the cluster
/// through its Redis membership table and leaves it cleanly when disposed. Runs reach it through a
/// <see cref="ClusterConnection"/>; placement spreads counties over the silos, and households live
/// with their county.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    /// <summary>
    /// How long joining may take before the silo gives up: a join takes 1.3-5 s here
    /// (ORLEANS-NOTES.md); Orleans itself keeps trying for 5 minutes, far too long to tell a user
    /// that Redis or the other silos are not there.
    /// </summary>
    public static readonly TimeSpan JoinDeadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long leaving may take: the silo hands its grains' directory over and marks itself dead in
    /// the table. The host's default (30 s) is ample for a silo between runs.
    /// </summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a silo that failed to join may take to withdraw: it hosts nothing, so this only bounds a hung stop.</summary>
    private static readonly TimeSpan AbandonTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long after joining a silo waits before it says it is ready: placement (resource-optimised)
    /// considers a silo only once its load report has reached the others, which happens every
    /// second (DeploymentLoadPublisherRefreshTime). A run started the moment a silo had joined put
    /// all its counties on the older silos; two periods later the newcomer takes its share.
    /// </summary>
    private static readonly TimeSpan PlacementWarmUp = 2 * DeploymentLoadPublisherOptions.DEFAULT_DEPLOYMENT_LOAD_PUBLISHER_REFRESH_TIME;

    /// <summary>Idle grains are kept this long (Orleans' default is 15 minutes), as on the embedded silo: a year of a large run can take longer.</summary>
    private static readonly TimeSpan CollectionAge = TimeSpan.FromHours(2);

    private readonly IHost _host;

    private ClusterSilo(IHost host, IPEndPoint silo, IPEndPoint gateway)
    {
        _host = host;
        Endpoint = silo;
        Gateway = gateway;
    }

    /// <summary>The silo's advertised address for other silos.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The advertised address clients connect to.</summary>
    public IPEndPoint Gateway { get; }

    /// <summary>Cancelled when the silo stops of its own accord (the cluster declared it dead, say).</summary>
    public CancellationToken Stopping => _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    /// <summary>Starts the silo and returns once it is active in the cluster's membership and placement can use it.</summary>
    public static async Task<ClusterSilo> StartAsync(SiloSettings settings, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var advertised = settings.Advertise ?? IPAddress.Loopback;
        var listenOn = settings.Advertise is null ? IPAddress.Loopback : IPAddress.Any;
        int siloPort = settings.SiloPort == 0 ? FreePort(listenOn) : settings.SiloPort;
        int gatewayPort = settings.GatewayPort == 0 ? FreePort(listenOn) : settings.GatewayPort;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "ecosim" });
        // The process owns Ctrl-C (ProcessGuard): the silo leaves when `ecosim silo` says so, not when .NET's console lifetime does.
        builder.Services.AddSingleton<IHostLifetime, ProcessOwnedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = LeaveTimeout);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(log));
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        // A failed join is reported once, in words; the runtime's own account of it is a stack trace per stage.
        bool joined = false;
        builder.Logging.AddFilter((_, level) => joined || level < LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, ClusterConnection.ServiceId));
            silo.UseRedisClustering(o => o.ConfigurationOptions = settings.Cluster.RedisOptions());
            silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: settings.Advertise is not null);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = CollectionAge);
            silo.Configure<SiloMessagingOptions>(o => o.MaxMessageBodySize = ClusterConnection.MaxMessageBytes);
        });
        var host = builder.Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(JoinDeadline);
        try
        {
            await host.StartAsync(deadline.Token).WaitAsync(deadline.Token);
            joined = true;
            await Task.Delay(PlacementWarmUp, deadline.Token);
        }
        catch (Exception e)
        {
            // Stopping marks a half-joined silo dead in the table, so the next silo need not wait for it to be voted out.
            await HostStop.QuietlyAsync(host, AbandonTimeout);
            if (cancellationToken.IsCancellationRequested) throw;
            if (deadline.IsCancellationRequested) throw new ClusterUnavailableException(
                $"could not join cluster '{settings.ClusterId}' through {settings.Cluster.Masked} within {JoinDeadline.TotalSeconds:0} s");
            throw new ClusterUnavailableException(settings.Cluster.Scrub($"could not join cluster '{settings.ClusterId}' through {settings.Cluster.Masked}: {ClusterFailure.Describe(e, settings.Cluster)}"));
        }
        return new ClusterSilo(host, new IPEndPoint(advertised, siloPort), new IPEndPoint(advertised, gatewayPort));
    }

    /// <summary>Leaves the cluster: the silo deactivates its grains and marks itself dead in the membership table.</summary>
    /// <remarks>
    /// Bounded: a silo whose membership table has gone (Redis stopped first) keeps retrying it after
    /// the stop is cancelled, so the wait ends at twice <see cref="LeaveTimeout"/> with a
    /// <see cref="TimeoutException"/> rather than never.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(LeaveTimeout);
        await _host.StopAsync(timeout.Token).WaitAsync(LeaveTimeout * 2);
        _host.Dispose();
    }

    /// <summary>A port free now on <paramref name="address"/>: the operating system's pick.</summary>
    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Stopping a host that never joined or connected (a silo, a client).</summary>
internal static class HostStop
{
    /// <summary>
    /// Stops and disposes <paramref name="host"/> without waiting past twice <paramref name="timeout"/>
    /// (its start may still be trying) and without throwing: nothing was joined, so the reason the
    /// caller reports is the whole story, not how the stop went.
    /// </summary>
    public static async Task QuietlyAsync(IHost host, TimeSpan timeout)
    {
        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            await host.StopAsync(cancel.Token).WaitAsync(timeout * 2);
            host.Dispose();
        }
        catch (Exception)
        {
            // See above: nothing depends on the stop.
        }
    }
}
