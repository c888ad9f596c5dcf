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
        var o = new ServeOptions();
        var command = new Command("serve", "Serve the live lab: a web page on this computer to run, steer and inspect simulations (prints its address with a token).")
        {
            o.Port, o.Bind, o.MaxHouseholds, o.MaxRuns, o.Idle, o.Engine, o.Cluster, o.ClusterId, o.Verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LabOptions options;
            try
            {
                options = o.Read(parse);
            }
            catch (UsageException e)
            {
                return await CommandOutcome.BadInputAsync(e, stderr);
            }
            await using var log = RunLogging.Create(parse.GetValue(o.Verbose) ? LogEventLevel.Debug : LogEventLevel.Information, null);
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
                await stderr.WriteLineAsync($"ecosim: the lab failed: {ProcessGuard.Describe(e)}");
                return ExitCodes.RunFailed;
            }
        });
        return command;
    }

    /// <summary>The options of `ecosim serve`, and their reading into the server's settings.</summary>
    private sealed class ServeOptions
    {
        public Option<int> Port { get; } = new("--port") { Description = "TCP port; 0 picks a free one.", DefaultValueFactory = _ => 0 };

        public Option<string> Bind { get; } = new("--bind")
        {
            Description = "Address to listen on: 127.0.0.1 (this computer only) unless you mean otherwise.", DefaultValueFactory = _ => "127.0.0.1",
        };

        public Option<int> MaxHouseholds { get; } = new("--max-households")
        {
            Description = "Largest run a request may ask for (households x replications).", DefaultValueFactory = _ => DefaultMaxHouseholds,
        };

        public Option<int> MaxRuns { get; } = new("--max-runs") { Description = "Runs held at once.", DefaultValueFactory = _ => DefaultMaxRuns };

        public Option<int> Idle { get; } = new("--idle-minutes") { Description = "A run nobody touches for this long is removed.", DefaultValueFactory = _ => DefaultIdleMinutes };

        public Option<string> Engine { get; } = new("--engine")
        {
            Description = "Default engine of new runs: orleans (the embedded silo, or the cluster of --cluster) or inprocess.", DefaultValueFactory = _ => "orleans",
        };

        public Option<string?> Cluster { get; } = new("--cluster")
        {
            Description = "Run the orleans engine's runs on a cluster of 'ecosim silo' processes instead of an embedded silo: redis://HOST:PORT[?password=...] (docs/cluster.md).",
            HelpName = "URL",
        };

        public Option<string> ClusterId { get; } = new("--cluster-id") { Description = "With --cluster: the cluster's id.", DefaultValueFactory = _ => ClusterConnection.DefaultClusterId };

        public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log more (debug)." };

        public ServeOptions() => Engine.AcceptOnlyFromAmong("orleans", "inprocess");

        /// <summary>The server's settings; a <see cref="UsageException"/> naming the option for a value out of range.</summary>
        public LabOptions Read(ParseResult parse)
        {
            string clusterId = parse.GetValue(ClusterId)!;
            if (SiloCommand.WhyNotAClusterId(clusterId) is { } why) throw new UsageException($"--cluster-id: {why}");
            var options = new LabOptions(
                Range("--port", parse.GetValue(Port), 0, 65535), parse.GetValue(Bind)!,
                Range("--max-households", parse.GetValue(MaxHouseholds), 1, 100_000_000), Range("--max-runs", parse.GetValue(MaxRuns), 1, 1000),
                TimeSpan.FromMinutes(Range("--idle-minutes", parse.GetValue(Idle), 1, 7 * 24 * 60)),
                parse.GetValue(Engine) == "inprocess" ? EngineKind.InProcess : EngineKind.Orleans)
            {
                Cluster = ClusterAddressOf(parse.GetValue(Cluster)),
                ClusterId = clusterId,
            };
            LabServer.Address(options.Bind);
            return options;
        }

        private static ClusterAddress? ClusterAddressOf(string? url)
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
}
