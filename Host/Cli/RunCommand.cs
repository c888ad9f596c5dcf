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
        var dump = new Option<string?>("--dump-households")
        {
            Description = "Also write households_YYYY.csv (replication 0) for these years: a list such as 2021,2030, ranges such as 2025-2030, first, last or all.",
            HelpName = "YEARS",
        };
        var dumpReplications = new Option<string?>("--dump-replications")
        {
            Description = "With --dump-households: the replications to dump, all or a list such as 0,2 (default 0); replication R>0 is written as households_YYYY_rR.csv.",
            HelpName = "all|R,...",
        };
        var options = new RunOptions();
        var checkpoints = new CheckpointOptions();
        var command = new Command("run", "Run a scenario and write its run directory (report.html, metrics.csv, summary.csv, plots/, manifest.json).")
        {
            scenario, dump, dumpReplications,
        };
        options.AddTo(command);
        checkpoints.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var request = options.Request(parse, parse.GetValue(scenario)!, args) with { DumpHouseholds = parse.GetValue(dump), DumpReplications = parse.GetValue(dumpReplications) };
            return RunHandler.ExecuteAsync(request, checkpoints.Request(parse), stdout, stderr, cancellationToken);
        });
        return command;
    }
}
