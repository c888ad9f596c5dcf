using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim sweep SCENARIO --set PATH=V1,V2,... [--set ...] [options]`.</summary>
public static class SweepCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario to vary (file or built-in name)." };
        var set = new Option<string[]>("--set")
        {
            Description = "A parameter path and its values, PATH=V1,V2,... (as in an intervention's set); repeat for a grid.",
            HelpName = "PATH=V1,V2,...",
            AllowMultipleArgumentsPerToken = false,
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "Also plot this metric (national, last year; mean and 95% band) against the first --set's values, which must be numbers: plots/sweep_METRIC.png and .svg.",
            HelpName = "METRIC",
        };
        var options = new RunOptions();
        var command = new Command("sweep",
            "Run a scenario at every point of a grid of parameter values: one run directory per point and sweep.csv; rerun the same command to continue an interrupted sweep.")
        {
            scenario, set, plot,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            SweepHandler.ExecuteAsync(options.Request(parse, parse.GetValue(scenario)!, args), parse.GetValue(set) ?? [], stdout, stderr, cancellationToken,
            parse.GetValue(plot)));
        return command;
    }
}
