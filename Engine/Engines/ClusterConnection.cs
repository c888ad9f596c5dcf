using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;
using Serilog.Extensions.Logging;
using StackExchange.Redis;

namespace EcosystemSim.Engine.Engines;

/// <summary>
/// A client of a cluster of `ecosim silo` processes, found through their Redis membership table:
/// what `ecosim run --cluster` runs on. It connects within <see cref="ConnectDeadline"/> or fails
/// with one line saying why (Redis unreachable, no silo joined, silos not answering).
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>The service every ecosim process belongs to: silos and clients must agree on it (Orleans' ServiceId).</summary>
    public const string ServiceId = "ecosim";

    /// <summary>The cluster a silo joins and a client looks for unless told otherwise (Orleans' ClusterId).</summary>
    public const string DefaultClusterId = "ecosim";

    /// <summary>
    /// How long a client tries to reach the cluster: a silo joins in 1.3-5 s from its start
    /// (ORLEANS-NOTES.md), so 15 s lets silos and a client be started together, and a cluster that
    /// is not there is reported well within half a minute.
    /// </summary>
    public static readonly TimeSpan ConnectDeadline = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The largest message between processes (Orleans' default is 100 MiB). Each year a county answers
    /// with every household's record, about 470 bytes a household on the wire (measured,
    /// docs/cluster.md): 100 MiB caps a county at about 220,000 households, a run at a few million;
    /// 1 GiB allows about 2 million households a county. Silos and clients must agree on it.
    /// </summary>
    public const int MaxMessageBytes = 1 << 30;

    /// <summary>The pause between attempts to reach the cluster: a silo's start takes seconds, a tighter loop only adds noise.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    /// <summary>How long leaving the cluster may take before the client is dropped.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often the client checks that every silo it started with is still active. A call to a grain
    /// on a silo that died is never answered (the gateway that forwarded it does not fail it), so
    /// without this a lost silo would hold the run until the call's timeout: 30 minutes for a
    /// county's year. A silo is declared dead 5-15 s after it dies (ORLEANS-NOTES.md).
    /// </summary>
    private static readonly TimeSpan WatchEvery = TimeSpan.FromSeconds(2);

    /// <summary>How long one check may take: generous, as a silo busy with a year answers slowly.</summary>
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the checks may go unanswered before the cluster counts as gone. Checks fail for a
    /// while after a silo dies (the management grain may have lived there) until the silo is
    /// declared dead, after which they name it; a minute is several times that.
    /// </summary>
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(60);

    private readonly IHost _host;
    private readonly CancellationTokenSource _stopWatching = new();
    private readonly IManagementGrain _management;
    private readonly HashSet<SiloAddress> _silos;
    private readonly Serilog.ILogger _log;
    private readonly Task _watch;
    private string? _lost;
    private int _stopped;

    private ClusterConnection(IHost host, IReadOnlyCollection<SiloAddress> silos, Serilog.ILogger log)
    {
        _host = host;
        var client = host.Services.GetRequiredService<IClusterClient>();
        Grains = client;
        Silos = silos.Count;
        _management = client.GetGrain<IManagementGrain>(0);
        _silos = [.. silos];
        _log = log;
        _watch = WatchAsync();
    }

    /// <summary>The cluster's grains.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>Silos active in the cluster when the client connected.</summary>
    public int Silos { get; }

    /// <summary>Why the cluster was lost during the run (a silo left, and the state it held with it), or null.</summary>
    public string? Lost => Volatile.Read(ref _lost);

    /// <summary>Connects to cluster <paramref name="clusterId"/> through <paramref name="address"/>; throws <see cref="ClusterUnavailableException"/> when it cannot.</summary>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress address, string clusterId, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var retry = new RetryUntilCancelled();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "ecosim" });
        builder.Services.AddSingleton<IHostLifetime, ProcessOwnedLifetime>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(log));
        // While connecting, each failed attempt is expected (and the host's own report of a failed start is a stack trace):
        // the reason is reported once, in words, if the deadline passes. Once connected, a connection's troubles are either
        // passing or a lost silo, which the watch reports in words: the networking layer's warnings (with traces) stay out.
        builder.Logging.AddFilter((category, level) => retry.Connected && (level >= LogLevel.Error || !IsNetworking(category)));
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, ServiceId));
            client.Configure<ClientMessagingOptions>(o => o.MaxMessageBodySize = MaxMessageBytes);
            client.UseRedisClustering(o => o.ConfigurationOptions = address.RedisOptions());
            client.UseConnectionRetryFilter(retry);
        });
        var host = builder.Build();
        log.Information("Connecting to cluster {ClusterId} through {Cluster}", clusterId, address.Masked);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ConnectDeadline);
        try
        {
            // A Redis connection attempt does not watch the token: WaitAsync holds the deadline regardless.
            await host.StartAsync(deadline.Token).WaitAsync(deadline.Token);
            var hosts = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0)
                .GetHosts(onlyActive: true).WaitAsync(deadline.Token);
            retry.Connected = true;
            log.Information("Connected to cluster {ClusterId}: {Silos} active silo(s)", clusterId, hosts.Count);
            return new ClusterConnection(host, hosts.Keys, log);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _ = HostStop.QuietlyAsync(host, StopTimeout);
            string within = deadline.IsCancellationRequested ? FormattableString.Invariant($" within {ConnectDeadline.TotalSeconds:0} s") : "";
            throw new ClusterUnavailableException(address.Scrub(
                $"cannot reach cluster '{clusterId}' through {address.Masked}{within}: {ClusterFailure.Describe(retry.LastFailure ?? e, address)}"));
        }
        catch
        {
            _ = HostStop.QuietlyAsync(host, StopTimeout);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopWatching.CancelAsync();
        await _watch;
        _stopWatching.Dispose();
        if (await StopClientAsync()) _host.Dispose();
    }

    private static bool IsNetworking(string? category) =>
        category is not null && (category.StartsWith("Orleans.Runtime.Messaging", StringComparison.Ordinal) ||
                                 category.StartsWith("Orleans.Messaging", StringComparison.Ordinal) ||
                                 category.StartsWith("Orleans.Networking", StringComparison.Ordinal));

    /// <summary>Disconnects, once: every call still in flight fails. False when the stop did not finish in time.</summary>
    private async Task<bool> StopClientAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return true;
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            // Bounded twice over: a client whose silos or Redis have gone may not honour the token promptly.
            await _host.StopAsync(timeout.Token).WaitAsync(StopTimeout * 2);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // The run's results are in, or it has failed; a cluster slow to say goodbye must not hold the command.
            return false;
        }
    }

    /// <summary>
    /// After a call failed: whether a silo has left the cluster, asked at once rather than at the
    /// watch's next check, so that the failure is reported as the loss it is (a grain re-activated
    /// on a surviving silo after its silo was declared dead fails its next call as uninitialised,
    /// possibly before the watch looks). Returns <see cref="Lost"/>.
    /// </summary>
    public async Task<string?> CheckLostAsync()
    {
        if (Lost is not null || Volatile.Read(ref _stopped) == 1) return Lost;
        try
        {
            if (await GoneAsync(WatchEvery * 5) is { Count: > 0 } gone) await ReportLostAsync(LeftTheCluster(gone));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Unanswered: the failure stands as it is; the watch goes on judging the silence.
        }
        return Lost;
    }

    /// <summary>
    /// Checks every <see cref="WatchEvery"/> that the silos the client started with are all active;
    /// when one is not, or the cluster stops answering, records why in <see cref="Lost"/> and
    /// disconnects, which fails the calls in flight at once instead of after their timeout.
    /// </summary>
    private async Task WatchAsync()
    {
        var sinceAnswer = System.Diagnostics.Stopwatch.StartNew();
        while (Lost is null)
        {
            try
            {
                await Task.Delay(WatchEvery, _stopWatching.Token);
                var gone = await GoneAsync(WatchTimeout).WaitAsync(_stopWatching.Token);
                sinceAnswer.Restart();
                if (gone.Count > 0) await ReportLostAsync(LeftTheCluster(gone));
            }
            catch (OperationCanceledException) when (_stopWatching.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (sinceAnswer.Elapsed < SilenceLimit)
            {
                // Unanswered for now: a silo just lost may have held the management grain.
            }
            catch (Exception)
            {
                await ReportLostAsync("the cluster stopped answering during the run");
            }
        }
    }

    /// <summary>The silos the client started with that are no longer active.</summary>
    private async Task<List<string>> GoneAsync(TimeSpan timeout)
    {
        var active = await _management.GetHosts(onlyActive: true).WaitAsync(timeout);
        return _silos.Where(s => !active.ContainsKey(s)).Select(s => s.Endpoint.ToString()).ToList();
    }

    private static string LeftTheCluster(List<string> gone) =>
        $"silo {string.Join(", ", gone)} left the cluster during the run, and with it the state of the agents it held";

    /// <summary>Records the loss (the first reason wins), logs it once and disconnects.</summary>
    private async Task ReportLostAsync(string lost)
    {
        if (Interlocked.CompareExchange(ref _lost, lost, null) is not null) return;
        _log.Error("The cluster was lost: {Lost}", lost);
        await StopClientAsync();
    }

    /// <summary>Retries every failure to reach the cluster until the deadline cancels, remembering the last for the message.</summary>
    private sealed class RetryUntilCancelled : IClientConnectionRetryFilter
    {
        public volatile Exception? LastFailure;

        public volatile bool Connected;

        public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
        {
            LastFailure = exception;
            // A wrong password stays wrong: say so at once.
            if (ClusterFailure.RefusedPassword(exception)) return false;
            await Task.Delay(RetryPause, cancellationToken);
            return !cancellationToken.IsCancellationRequested;
        }
    }
}

/// <summary>The cluster cannot be reached: a one-line message saying why, never with a password.</summary>
public sealed class ClusterUnavailableException(string message) : Exception(message);

/// <summary>Why reaching a cluster failed, in words a user can act on rather than a library's.</summary>
public static class ClusterFailure
{
    /// <summary>The cause in <paramref name="e"/> or its inner exceptions, on one line, without the address's password.</summary>
    public static string Describe(Exception e, ClusterAddress address)
    {
        var causes = Chain(e).ToList();
        string redis = $"Redis at {address.Host}:{address.Port}";
        string? known = causes.Select(c => c switch
        {
            RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure } => $"{redis} refused the password",
            RedisException => $"{redis} does not answer",
            SiloUnavailableException => "no silo has joined the cluster (start 'ecosim silo --cluster ...' first, with the same --cluster-id)",
            ConnectionFailedException or OrleansMessageRejectionException =>
                "the silos registered in Redis do not answer (stopped, or their advertised addresses cannot be reached from here)",
            System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } => "a port it needs is in use",
            _ => null,
        }).FirstOrDefault(m => m is not null);
        string text = known ?? (causes[^1] is OperationCanceledException or TimeoutException ? "no answer" : causes[^1].Message);
        return address.Scrub(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    /// <summary>Whether Redis refused the password somewhere in <paramref name="e"/>: retrying cannot help.</summary>
    public static bool RefusedPassword(Exception e) =>
        Chain(e).Any(x => x is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure });

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x is AggregateException a ? a.Flatten().InnerExceptions[0] : x.InnerException) yield return x;
    }
}
