using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim solve SCENARIO --vary PATH=LOW..HIGH --target METRIC=VALUE [--year Y] [--scope S] [options]`.</summary>
public static class SolveCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario (file or built-in name)." };
        var vary = new Option<string>("--vary") { Description = "The parameter to vary and its range, PATH=LOW..HIGH (a numeric parameter path, as in an intervention's set).", HelpName = "PATH=LOW..HIGH", Required = true };
        var target = new Option<string>("--target") { Description = "The metric and the value it should reach, METRIC=VALUE.", HelpName = "METRIC=VALUE", Required = true };
        var year = new Option<int?>("--year") { Description = "The year the target is for (default: the last simulated year)." };
        var scope = new Option<string>("--scope") { Description = "The scope of the metric: national, a region, a breakdown (age:60+, ...), insurer:ID or product:ID.", DefaultValueFactory = _ => "national" };
        var tolerance = new Option<double?>("--tolerance") { Description = "Stop when the bracket around the answer is this narrow, in the parameter's unit (default: a hundredth of the range)." };
        var maxRuns = new Option<int>("--max-runs") { Description = "Most evaluations of the scenario (each a full set of replications).", DefaultValueFactory = _ => SolveHandler.DefaultMaxRuns };
        var options = new RunOptions();
        var command = new Command("solve",
            "Find the value of one parameter at which a metric reaches a target: root finding on paired replications, with a 95% interval; says when the target is out of reach in the range.")
        {
            scenario, vary, target, year, scope, tolerance, maxRuns,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => SolveHandler.ExecuteAsync(options.Request(parse, parse.GetValue(scenario)!, args),
            new SolveHandler.Request(parse.GetValue(vary)!, parse.GetValue(target)!, parse.GetValue(year), parse.GetValue(scope)!, parse.GetValue(tolerance), parse.GetValue(maxRuns)),
            stdout, stderr, cancellationToken));
        return command;
    }
}
