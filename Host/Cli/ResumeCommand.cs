using System.CommandLine;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Host.Runs;
using Serilog.Events;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim resume OUT`: continue a run started with --checkpoint-every that was interrupted, to the output it would have written.</summary>
public static class ResumeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var output = new Argument<string>("out") { Description = "The --out of the interrupted run." };
        var engine = new Option<string?>("--engine") { Description = "Continue on this engine (default: the run's own); the bytes are the same on either." };
        engine.AcceptOnlyFromAmong("orleans", "inprocess");
        var cluster = new Option<string?>("--cluster") { Description = "Continue on a cluster of 'ecosim silo' processes: redis://HOST:PORT[?password=...].", HelpName = "URL" };
        var clusterId = new Option<string>("--cluster-id") { Description = "With --cluster: the cluster's id.", DefaultValueFactory = _ => ClusterConnection.DefaultClusterId };
        var parallel = new Option<int?>("--parallel") { Description = "Replications run at once (default: as the run asked)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log more (debug level)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Log warnings and errors only; no progress." };
        var command = new Command("resume", "Continue an interrupted run (started with --checkpoint-every) from its last checkpoint; the output is the one the run would have written.")
        {
            output, engine, cluster, clusterId, parallel, verbose, quiet,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string outPath = parse.GetValue(output)!;
            ClusterAddress? address;
            try
            {
                address = parse.GetValue(cluster) is { } url ? ClusterAddress.Parse(url) : null;
            }
            catch (FormatException e)
            {
                return await CommandOutcome.BadInputAsync(new UsageException($"--cluster: {e.Message}"), stderr);
            }
            EngineKind? kind = parse.GetValue(engine) switch { "inprocess" => EngineKind.InProcess, "orleans" => EngineKind.Orleans, _ => null };
            if (address is not null && kind == EngineKind.InProcess)
            {
                return await CommandOutcome.BadInputAsync(new UsageException("--cluster runs the Orleans engine; it cannot be combined with --engine inprocess"), stderr);
            }
            var options = new RunRequest(outPath, outPath, null, null, null, null, kind ?? EngineKind.Orleans, false,
                parse.GetValue(verbose) ? LogEventLevel.Debug : parse.GetValue(quiet) ? LogEventLevel.Warning : LogEventLevel.Information,
                "ecosim " + ClusterAddress.MaskPasswords(string.Join(' ', args)))
            {
                Parallel = parse.GetValue(parallel),
                Cluster = address,
                ClusterId = parse.GetValue(clusterId)!,
            };
            return await RunHandler.ResumeAsync(outPath, address is not null ? EngineKind.Orleans : kind, options, stdout, stderr, cancellationToken);
        });
        return command;
    }
}
