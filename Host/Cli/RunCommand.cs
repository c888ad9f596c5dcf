using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim run SCENARIO [options]`.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string[] args)
    {
        var scenario = new Argument<string>("scenario")
        {
            Description = "A scenario file (YAML), a run's manifest.json (to repeat it), or the name of a built-in scenario (see 'ecosim list').",
        };
        var dumps = new DumpOptions();
        var options = new RunOptions();
        var checkpoints = new CheckpointOptions();
        var command = new Command("run", "Run a scenario and write its run directory (report.html, metrics.csv, summary.csv, plots/, manifest.json).")
        {
            scenario,
        };
        options.AddTo(command);
        dumps.AddTo(command);
        checkpoints.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var request = dumps.Apply(parse, options.Request(parse, parse.GetValue(scenario)!, args));
            return RunHandler.ExecuteAsync(request, checkpoints.Request(parse), stdout, stderr, cancellationToken);
        });
        return command;
    }
}
