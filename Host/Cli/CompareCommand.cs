using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim compare BASELINE SCENARIO... [options]`.</summary>
public static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var baseline = new Argument<string>("baseline") { Description = "The scenario to compare against (file or built-in name)." };
        var reforms = new Argument<string[]>("scenarios") { Description = "One or more scenarios to compare with it.", Arity = ArgumentArity.OneOrMore };
        var options = new RunOptions();
        var command = new Command("compare",
            "Run scenarios with the baseline's run settings and seeds and report paired differences with 95% intervals (comparison.csv, report.html).")
        {
            baseline, reforms,
        };
        options.AddTo(command);
        var from = new Option<string?>("--from")
        {
            Description = "Start every scenario from a checkpoint of the baseline (OUT/checkpoints/YEAR): the shared years are simulated once; every reform's changes must come after YEAR.",
            HelpName = "DIR",
        };
        command.Options.Add(from);
        command.SetAction((parse, cancellationToken) =>
            CompareHandler.ExecuteAsync(options.Request(parse, parse.GetValue(baseline)!, args), parse.GetValue(reforms)!, stdout, stderr, cancellationToken,
                parse.GetValue(from)));
        return command;
    }
}
