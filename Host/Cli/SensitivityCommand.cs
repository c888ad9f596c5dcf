using System.CommandLine;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim sensitivity SCENARIO [--method morris|sobol] [--params ...] [--metrics ...] [--year Y] [--scope S] [options]`.</summary>
public static class SensitivityCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario (file or built-in name)." };
        var method = new Option<string>("--method")
        {
            Description = "morris: elementary effects (mu, mu*, sigma), r (k + 1) runs, for screening; sobol: first-order and total indices, N (k + 2) runs.",
            DefaultValueFactory = _ => "morris",
        };
        method.AcceptOnlyFromAmong("morris", "sobol");
        var parameters = new Option<string?>("--params")
        {
            Description = "The parameters to vary, PATH or PATH=LOW..HIGH separated by commas (default: every parameter with an uncertainty range, docs/parameters.md).",
            HelpName = "PATH[=LOW..HIGH],...",
        };
        var metrics = new Option<string?>("--metrics")
        {
            Description = $"The metrics, separated by commas (default: {string.Join(",", SensitivityInput.DefaultMetrics)}).",
            HelpName = "METRIC,...",
        };
        var year = new Option<int?>("--year") { Description = "The year the metrics are read in (default: the last simulated year)." };
        var scope = new Option<string>("--scope")
        {
            Description = "The scope of the metrics: national, a region, a breakdown (age:60+, ...), decile:D, insurer:ID or product:ID.", DefaultValueFactory = _ => "national",
        };
        var trajectories = new Option<int>("--trajectories") { Description = "Morris: trajectories r.", DefaultValueFactory = _ => MorrisMethod.DefaultTrajectories };
        var samples = new Option<int>("--samples") { Description = "Sobol: base sample N.", DefaultValueFactory = _ => SobolMethod.DefaultSamples };
        var levels = new Option<int>("--levels") { Description = "Morris: levels of the grid (even).", DefaultValueFactory = _ => MorrisMethod.DefaultLevels };
        var options = new RunOptions();
        var command = new Command("sensitivity",
            "Which uncertain parameters drive which results: Morris screening or Sobol indices over the parameters' uncertainty ranges, with bootstrap intervals; sensitivity.csv and a tornado plot per metric.")
        {
            scenario, method, parameters, metrics, year, scope, trajectories, samples, levels,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => SensitivityHandler.ExecuteAsync(options.Request(parse, parse.GetValue(scenario)!, args),
            new SensitivityRequest(parse.GetValue(method)!, parse.GetValue(parameters), parse.GetValue(metrics), parse.GetValue(year), parse.GetValue(scope)!,
                parse.GetValue(trajectories), parse.GetValue(samples), parse.GetValue(levels)),
            stdout, stderr, cancellationToken));
        return command;
    }
}
