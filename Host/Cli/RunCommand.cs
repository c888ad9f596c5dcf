using System.CommandLine;
using EcosystemSim.Host.Runs;
using Serilog.Events;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim run SCENARIO [options]`.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var scenario = new Argument<string>("scenario")
        {
            Description = "A scenario file (YAML), or the name of a built-in scenario (see 'ecosim list').",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Directory to write (default: runs/NAME-TIMESTAMP). Written whole or not at all.",
        };
        var households = new Option<int?>("--households") { Description = "Simulated households (overrides the scenario)." };
        var years = new Option<int?>("--years") { Description = "Simulated years (overrides the scenario)." };
        var startYear = new Option<int?>("--start-year") { Description = "First simulated year (overrides the scenario)." };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (overrides the scenario)." };
        var engine = new Option<string>("--engine")
        {
            Description = "orleans: grains on an embedded single silo (default); inprocess: the same rules in a plain loop.",
            DefaultValueFactory = _ => "orleans",
        };
        engine.AcceptOnlyFromAmong("orleans", "inprocess");
        var dump = new Option<string?>("--dump-households")
        {
            Description = "Also write households_YYYY.csv for these years: a list such as 2021,2030, ranges such as 2025-2030, first, last or all.",
            HelpName = "YEARS",
        };
        var force = new Option<bool>("--force") { Description = "Replace the output directory if it exists." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log more (debug level)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Log warnings and errors only." };

        var command = new Command("run", "Run a scenario and write its run directory (manifest.json, metrics.csv, plots/).")
        {
            scenario, output, households, years, startYear, seed, engine, dump, force, verbose, quiet,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new RunRequest(
                parse.GetValue(scenario)!,
                parse.GetValue(output),
                parse.GetValue(households),
                parse.GetValue(years),
                parse.GetValue(startYear),
                parse.GetValue(seed),
                parse.GetValue(engine) == "inprocess" ? EngineKind.InProcess : EngineKind.Orleans,
                parse.GetValue(force),
                parse.GetValue(verbose) ? LogEventLevel.Debug : parse.GetValue(quiet) ? LogEventLevel.Warning : LogEventLevel.Information,
                "ecosim " + string.Join(' ', args)) { DumpHouseholds = parse.GetValue(dump) };
            return RunHandler.ExecuteAsync(request, stdout, stderr, cancellationToken);
        });
        return command;
    }
}
