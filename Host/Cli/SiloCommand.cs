using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Host.Runs;
using Serilog.Core;
using Serilog.Events;

namespace EcosystemSim.Host.Cli;

/// <summary>
/// `ecosim silo --cluster redis://HOST:PORT`: one silo of a real cluster (docs/cluster.md). It joins
/// through Redis membership, prints a line with `ready` once it has, hosts the simulation's grains
/// for any `ecosim run --cluster` client, and leaves the cluster cleanly on Ctrl-C (exit code 0).
/// </summary>
public static partial class SiloCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster's Redis membership: redis://HOST:PORT[?password=...].", HelpName = "URL", Required = true };
        var clusterId = new Option<string>("--cluster-id") { Description = "The cluster to join: clients pass the same.", DefaultValueFactory = _ => ClusterConnection.DefaultClusterId };
        var siloPort = new Option<int>("--silo-port") { Description = "TCP port for the other silos; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "TCP port for clients; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var advertise = new Option<string?>("--advertise")
        {
            Description = "The address other machines reach this one at; the silo then listens on every interface. Without it the silo is reachable from this computer only.",
            HelpName = "ADDRESS",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log more (debug)." };
        var command = new Command("silo", "Run one silo of a cluster: join through Redis membership, host the simulation's grains for 'run --cluster', leave on Ctrl-C.")
        {
            cluster, clusterId, siloPort, gatewayPort, advertise, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            SiloSettings settings;
            try
            {
                settings = Settings(parse.GetValue(cluster)!, parse.GetValue(clusterId)!, parse.GetValue(advertise),
                    parse.GetValue(siloPort), parse.GetValue(gatewayPort));
            }
            catch (UsageException e)
            {
                return await CommandOutcome.BadInputAsync(e, stderr);
            }
            await using var log = RunLogging.Create(parse.GetValue(verbose) ? LogEventLevel.Debug : LogEventLevel.Information, null);
            return await ServeAsync(settings, log, stdout, stderr, cancellationToken);
        });
        return command;
    }

    /// <summary>Why <paramref name="id"/> cannot name a cluster (it becomes part of a Redis key), or null.</summary>
    public static string? WhyNotAClusterId(string? id) =>
        id is not null && ClusterIdForm().IsMatch(id) ? null : $"'{id}' is not a cluster id: use 1-64 letters, digits, '.', '_' or '-'";

    /// <summary>The silo's settings from the options; a <see cref="UsageException"/> for any that is wrong.</summary>
    private static SiloSettings Settings(string url, string clusterId, string? advertise, int siloPort, int gatewayPort)
    {
        ClusterAddress address;
        try
        {
            address = ClusterAddress.Parse(url);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--cluster: {e.Message}");
        }
        if (WhyNotAClusterId(clusterId) is { } why) throw new UsageException($"--cluster-id: {why}");
        var advertised = advertise is null ? null : Advertised(advertise);
        var listenOn = advertised is null ? IPAddress.Loopback : IPAddress.Any;
        CheckPort("--silo-port", siloPort, listenOn);
        CheckPort("--gateway-port", gatewayPort, listenOn);
        if (siloPort != 0 && siloPort == gatewayPort) throw new UsageException($"--gateway-port: {gatewayPort} is the silo port too; give each its own");
        return new SiloSettings(address, clusterId, advertised, siloPort, gatewayPort);
    }

    /// <summary>Joins, says ready, waits for Ctrl-C, leaves: exit code 0 after a clean leave, 1 if the silo could not join or stopped by itself.</summary>
    private static async Task<int> ServeAsync(SiloSettings settings, Logger log, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        log.Information("Joining cluster {ClusterId} through {Cluster}", settings.ClusterId, settings.Cluster.Masked);
        ClusterSilo silo;
        try
        {
            silo = await ClusterSilo.StartAsync(settings, log, cancellationToken);
        }
        catch (ClusterUnavailableException e)
        {
            await stderr.WriteLineAsync($"ecosim: the silo failed: {ProcessGuard.OneLine(e.Message)}");
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("ecosim: interrupted before the silo joined the cluster");
            return ExitCodes.RunFailed;
        }
        await stdout.WriteLineAsync($"ready: silo {silo.Endpoint} (gateway {silo.Gateway}) in cluster '{settings.ClusterId}' through {settings.Cluster.Masked}");
        await stdout.FlushAsync(CancellationToken.None);
        log.Information("Silo {Silo} active (gateway {Gateway}); Ctrl-C leaves the cluster", silo.Endpoint, silo.Gateway);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silo.Stopping);
        await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        log.Information("Leaving the cluster");
        try
        {
            await silo.DisposeAsync();
        }
        catch (Exception e)
        {
            log.ForContext(RunLogging.FileOnly, true).Error(e, "The silo did not leave cleanly");
            string why = e is TimeoutException
                ? "it did not finish in time (is Redis still there?)"
                : ProcessGuard.OneLine(settings.Cluster.Scrub(ProcessGuard.Describe(e)));
            await stderr.WriteLineAsync($"ecosim: the silo did not leave the cluster cleanly: {why}");
            return ExitCodes.RunFailed;
        }
        if (!cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("ecosim: the silo stopped of its own accord (see the log above)");
            return ExitCodes.RunFailed;
        }
        log.Information("Left the cluster");
        return ExitCodes.Success;
    }

    /// <summary>The address to advertise: an IP address, or a host name that resolves to one.</summary>
    private static IPAddress Advertised(string text)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            try
            {
                address = Dns.GetHostAddresses(text).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            }
            catch (SocketException)
            {
                address = null;
            }
        }
        if (address is null) throw new UsageException($"--advertise: '{text}' is not an IPv4 address or a host name that resolves to one");
        if (address.Equals(IPAddress.Any)) throw new UsageException("--advertise: 0.0.0.0 is not an address other machines can reach; give this machine's address");
        return address;
    }

    /// <summary>A port given on the command line must be in range and free now, or the silo would fail later and less clearly.</summary>
    private static void CheckPort(string option, int port, IPAddress listenOn)
    {
        if (port is < 0 or > 65535) throw new UsageException($"{option}: {port} is out of range: must be between 0 and 65535");
        if (port == 0) return;
        try
        {
            using var listener = new TcpListener(listenOn, port);
            listener.Start();
        }
        catch (SocketException)
        {
            throw new UsageException($"{option}: {port} is in use; choose another or 0 for a free one");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ClusterIdForm();
}
