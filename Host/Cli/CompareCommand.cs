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
        var dumps = new DumpOptions();
        dumps.AddTo(command);
        var from = new Option<string?>("--from")
        {
            Description = "Start every scenario from a checkpoint of the baseline (OUT/checkpoints/YEAR): the shared years are simulated once; every reform's changes must come after YEAR.",
            HelpName = "DIR",
        };
        command.Options.Add(from);
        var metrics = new Option<string?>("--metrics")
        {
            Description = "Metrics the report's table of differences and its plots show, comma-separated (default: the headline metrics; docs/metrics.md lists all).",
            HelpName = "M,...",
        };
        var scopes = new Option<string?>("--scopes")
        {
            Description = "Scopes those metrics are shown for, comma-separated: national (default), a region, age:60+, household:dibao, decile:1, ...",
            HelpName = "S,...",
        };
        command.Options.Add(metrics);
        command.Options.Add(scopes);
        command.SetAction((parse, cancellationToken) =>
            CompareHandler.ExecuteAsync(dumps.Apply(parse, options.Request(parse, parse.GetValue(baseline)!, args)), parse.GetValue(reforms)!, stdout, stderr, cancellationToken,
                parse.GetValue(from), new CompareHandler.ReportOptions(parse.GetValue(metrics), parse.GetValue(scopes))));
        return command;
    }
}
