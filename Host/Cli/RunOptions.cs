using System.CommandLine;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Host.Runs;
using Serilog.Events;

namespace EcosystemSim.Host.Cli;

/// <summary>The options `run`, `compare` and `sweep` share: where to write, overrides of the run settings, the engine, logging.</summary>
public sealed class RunOptions
{
    public Option<string?> Out { get; } = new("--out", "-o")
    {
        Description = "Directory to write (default: runs/NAME-TIMESTAMP). Written whole or not at all.",
    };

    public Option<int?> Households { get; } = new("--households") { Description = "Simulated households (overrides the scenario)." };

    public Option<int?> Years { get; } = new("--years") { Description = "Simulated years (overrides the scenario)." };

    public Option<int?> StartYear { get; } = new("--start-year") { Description = "First simulated year (overrides the scenario)." };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Random seed (overrides the scenario)." };

    public Option<int?> Replications { get; } = new("--replications", "-r")
    {
        Description = "Replications, with seeds derived from the scenario's seed (overrides the scenario).",
    };

    public Option<int?> Prices { get; } = new("--prices")
    {
        Description = "Write money at constant prices of this year of the run (deflated with the model's price index; 0: nominal yuan; overrides the scenario's prices_year).",
    };

    public Option<string?> Breakdowns { get; } = new("--breakdowns")
    {
        Description = "Where metrics.csv breaks person-based metrics down by age and household type: national (default) or regions (also within each region, as west/age:60+; overrides the scenario).",
        HelpName = "national|regions",
    };

    public Option<int?> Parallel { get; } = new("--parallel") { Description = "Replications run at once (default: one per core)." };

    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "orleans: grains on an embedded single silo (default), or on the cluster of --cluster; inprocess: the same rules in a plain loop.",
        DefaultValueFactory = _ => "orleans",
    };

    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Run on a cluster of 'ecosim silo' processes found through Redis membership: redis://HOST:PORT[?password=...] (docs/cluster.md).",
        HelpName = "URL",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "With --cluster: the cluster to use, as its silos were started with.",
        DefaultValueFactory = _ => ClusterConnection.DefaultClusterId,
    };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace the output directory if it exists." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log more (debug level)." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Log warnings and errors only; no progress." };

    public RunOptions()
    {
        Engine.AcceptOnlyFromAmong("orleans", "inprocess");
        Cluster.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { } url) return;
            try
            {
                ClusterAddress.Parse(url);
            }
            catch (FormatException e)
            {
                result.AddError($"--cluster: {e.Message}");
            }
        });
        ClusterId.Validators.Add(result =>
        {
            if (SiloCommand.WhyNotAClusterId(result.GetValueOrDefault<string>()) is { } why) result.AddError($"--cluster-id: {why}");
        });
    }

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Out, Households, Years, StartYear, Seed, Replications, Prices, Breakdowns, Parallel, Engine, Cluster, ClusterId, Force, Verbose, Quiet })
        {
            command.Options.Add(option);
        }
        // A cluster runs grains; the in-process engine has none to run there.
        command.Validators.Add(result =>
        {
            if (result.GetValue(Cluster) is not null && result.GetValue(Engine) == "inprocess")
            {
                result.AddError("--cluster runs the Orleans engine on the cluster; it cannot be combined with --engine inprocess");
            }
        });
    }

    /// <summary>The request for one scenario (or the first of several) from the parsed options.</summary>
    public RunRequest Request(ParseResult parse, string scenario, string[] args) =>
        new(scenario,
            parse.GetValue(Out),
            parse.GetValue(Households),
            parse.GetValue(Years),
            parse.GetValue(StartYear),
            parse.GetValue(Seed),
            parse.GetValue(Engine) == "inprocess" ? EngineKind.InProcess : EngineKind.Orleans,
            parse.GetValue(Force),
            parse.GetValue(Verbose) ? LogEventLevel.Debug : parse.GetValue(Quiet) ? LogEventLevel.Warning : LogEventLevel.Information,
            // The command line goes into manifests and logs: a password in --cluster must not.
            "ecosim " + ClusterAddress.MaskPasswords(string.Join(' ', args)))
        {
            Replications = parse.GetValue(Replications),
            Prices = parse.GetValue(Prices),
            Breakdowns = parse.GetValue(Breakdowns),
            Parallel = parse.GetValue(Parallel),
            Cluster = parse.GetValue(Cluster) is { } url ? ClusterAddress.Parse(url) : null,
            ClusterId = parse.GetValue(ClusterId)!,
        };
}
