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

    public Option<int?> Parallel { get; } = new("--parallel") { Description = "Replications run at once (default: one per core)." };

    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "orleans: grains on an embedded single silo (default); inprocess: the same rules in a plain loop.",
        DefaultValueFactory = _ => "orleans",
    };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace the output directory if it exists." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log more (debug level)." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Log warnings and errors only; no progress." };

    public RunOptions() => Engine.AcceptOnlyFromAmong("orleans", "inprocess");

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Out, Households, Years, StartYear, Seed, Replications, Parallel, Engine, Force, Verbose, Quiet })
        {
            command.Options.Add(option);
        }
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
            "ecosim " + string.Join(' ', args))
        {
            Replications = parse.GetValue(Replications),
            Parallel = parse.GetValue(Parallel),
        };
}
