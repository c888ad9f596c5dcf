using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim bench [--households N] [--years N] [--json]`.</summary>
public static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var households = new Option<int>("--households") { Description = "Simulated households.", DefaultValueFactory = _ => 100_000 };
        var years = new Option<int>("--years") { Description = "Simulated years.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var engines = new Option<string>("--engines") { Description = "both (default), inprocess or orleans.", DefaultValueFactory = _ => "both" };
        var command = new Command("bench",
            "The calibrated baseline on both engines, side by side in this process: activation time per household, steady-state household-years per second, peak memory, and the Orleans overhead ratio.")
        {
            households, years, json, engines,
        };
        command.SetAction((parse, cancellationToken) => BenchHandler.ExecuteAsync(parse.GetValue(households), parse.GetValue(years),
            parse.GetValue(json), parse.GetValue(engines)!, stdout, stderr, cancellationToken));
        return command;
    }
}
