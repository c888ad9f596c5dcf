using System.CommandLine;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Host.Lab;
using EcosystemSim.Host.Runs;
using Serilog.Events;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim serve`: the live lab, a web page to run, steer and inspect simulations (docs/lab.md, docs/api.md).</summary>
public static class ServeCommand
{
    /// <summary>Default largest run a request may ask for, households times replications: a classroom run answers within seconds.</summary>
    public const int DefaultMaxHouseholds = 50_000;

    /// <summary>Default number of runs held at once: each holds its agents in memory.</summary>
    public const int DefaultMaxRuns = 8;

    /// <summary>Default minutes after which a run nobody touches is removed.</summary>
    public const int DefaultIdleMinutes = 60;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on: 127.0.0.1 (this computer only) unless you mean otherwise.", DefaultValueFactory = _ => "127.0.0.1" };
        var maxHouseholds = new Option<int>("--max-households") { Description = "Largest run a request may ask for (households x replications).", DefaultValueFactory = _ => DefaultMaxHouseholds };
        var maxRuns = new Option<int>("--max-runs") { Description = "Runs held at once.", DefaultValueFactory = _ => DefaultMaxRuns };
        var idle = new Option<int>("--idle-minutes") { Description = "A run nobody touches for this long is removed.", DefaultValueFactory = _ => DefaultIdleMinutes };
        var engine = new Option<string>("--engine") { Description = "Default engine of new runs: orleans (the embedded silo) or inprocess.", DefaultValueFactory = _ => "orleans" };
        engine.AcceptOnlyFromAmong("orleans", "inprocess");
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Run the orleans engine's runs on a cluster of 'ecosim silo' processes instead of an embedded silo: redis://HOST:PORT[?password=...] (docs/cluster.md).",
            HelpName = "URL",
        };
        var clusterId = new Option<string>("--cluster-id") { Description = "With --cluster: the cluster's id.", DefaultValueFactory = _ => ClusterConnection.DefaultClusterId };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log more (debug)." };
        var command = new Command("serve", "Serve the live lab: a web page on this computer to run, steer and inspect simulations (prints its address with a token).")
        {
            port, bind, maxHouseholds, maxRuns, idle, engine, cluster, clusterId, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LabOptions options;
            try
            {
                options = new LabOptions(
                    Range("--port", parse.GetValue(port), 0, 65535), parse.GetValue(bind)!,
                    Range("--max-households", parse.GetValue(maxHouseholds), 1, 100_000_000), Range("--max-runs", parse.GetValue(maxRuns), 1, 1000),
                    TimeSpan.FromMinutes(Range("--idle-minutes", parse.GetValue(idle), 1, 7 * 24 * 60)),
                    parse.GetValue(engine) == "inprocess" ? EngineKind.InProcess : EngineKind.Orleans)
                {
                    Cluster = ClusterOption(parse.GetValue(cluster)),
                    ClusterId = SiloCommand.WhyNotAClusterId(parse.GetValue(clusterId)) is { } why ? throw new UsageException($"--cluster-id: {why}") : parse.GetValue(clusterId)!,
                };
                LabServer.Address(options.Bind);
            }
            catch (UsageException e)
            {
                return await CommandOutcome.BadInputAsync(e, stderr);
            }
            await using var log = RunLogging.Create(parse.GetValue(verbose) ? LogEventLevel.Debug : LogEventLevel.Information, null);
            try
            {
                return await LabServer.ServeAsync(options, log, stdout, stderr, cancellationToken);
            }
            catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await stderr.WriteLineAsync($"ecosim: --port: {options.Port} is in use; choose another or 0 for a free one");
                return ExitCodes.BadInput;
            }
            catch (ClusterUnavailableException e)
            {
                await stderr.WriteLineAsync($"ecosim: the lab cannot start: {ProcessGuard.OneLine(e.Message)}");
                return ExitCodes.RunFailed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await stderr.WriteLineAsync("ecosim: interrupted while the lab was starting");
                return ExitCodes.RunFailed;
            }
            catch (Exception e)
            {
                log.ForContext(RunLogging.FileOnly, true).Error(e, "The lab failed");
                await stderr.WriteLineAsync($"ecosim: the lab failed: {ProcessGuard.OneLine(e.GetBaseException().Message)}");
                return ExitCodes.RunFailed;
            }
        });
        return command;
    }

    private static ClusterAddress? ClusterOption(string? url)
    {
        try
        {
            return url is null ? null : ClusterAddress.Parse(url);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--cluster: {e.Message}");
        }
    }

    private static int Range(string option, int value, int min, int max) =>
        value >= min && value <= max ? value : throw new UsageException($"{option}: {value} is out of range: must be between {min} and {max}");
}
