using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim bench [--households N] [--years N] [--repeat N] [--json]`.</summary>
public static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var households = new Option<int>("--households") { Description = "Simulated households.", DefaultValueFactory = _ => 100_000 };
        var years = new Option<int>("--years") { Description = "Simulated years.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var engines = new Option<string>("--engines")
        {
            Description = "both (in-process and the embedded silo; the default), inprocess, orleans, or cluster (only the cluster of --cluster).",
            DefaultValueFactory = _ => "both",
        };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Also measure a cluster of 'ecosim silo' processes, as its client: redis://HOST:PORT[?password=...] (docs/cluster.md).",
            HelpName = "URL",
        };
        var clusterId = new Option<string>("--cluster-id") { Description = "With --cluster: the cluster's id.", DefaultValueFactory = _ => Engine.Engines.ClusterConnection.DefaultClusterId };
        var checkpointEvery = new Option<int>("--checkpoint-every")
        {
            Description = "Also write a checkpoint every N years (to a temporary directory) and report its time, size per household and overhead.",
            HelpName = "N",
        };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Measure every engine N times (side by side in each repeat) and report each figure's median and range: these machines are noisy.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("bench",
            "The calibrated baseline on both engines, side by side in this process: activation time per household, steady-state household-years per second, peak memory, and the Orleans overhead ratio; with --cluster, also on a cluster of silos.")
        {
            households, years, repeat, json, engines, checkpointEvery, cluster, clusterId,
        };
        command.SetAction((parse, cancellationToken) => BenchHandler.ExecuteAsync(
            new BenchHandler.Request(parse.GetValue(households), parse.GetValue(years), parse.GetValue(json), parse.GetValue(engines)!, parse.GetValue(checkpointEvery))
            {
                Cluster = parse.GetValue(cluster),
                ClusterId = parse.GetValue(clusterId)!,
                Repeat = parse.GetValue(repeat),
            },
            stdout, stderr, cancellationToken));
        return command;
    }
}
