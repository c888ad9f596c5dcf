using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>The output options `run` and `compare` share: household dumps (--dump-households, --dump-replications, --format) and --sensitivity.</summary>
public sealed class DumpOptions
{
    public Option<string?> Years { get; } = new("--dump-households")
    {
        Description = "Also write households_YYYY.csv (replication 0; in compare, in each scenario's directory) for these years: a list such as 2021,2030, ranges such as 2025-2030, first, last or all.",
        HelpName = "YEARS",
    };

    public Option<string?> Replications { get; } = new("--dump-replications")
    {
        Description = "With --dump-households: the replications to dump, all or a list such as 0,2 (default 0); replication R>0 is written as households_YYYY_rR.csv.",
        HelpName = "all|R,...",
    };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "With --dump-households: csv (default) or parquet (households_YYYY.parquet, typed columns, much faster to load in pandas or R).",
        HelpName = "csv|parquet",
    };

    public Option<string?> Sensitivity { get; } = new("--sensitivity")
    {
        Description = "The output directory of an `ecosim sensitivity` run of the scenario: the report names the parameters that drive each of its metrics most and links it.",
        HelpName = "DIR",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Years);
        command.Options.Add(Replications);
        command.Options.Add(Format);
        command.Options.Add(Sensitivity);
    }

    /// <summary>The request with the dump options as given (checked against the scenario later, by <see cref="HouseholdDumps.Parse"/>).</summary>
    public RunRequest Apply(ParseResult parse, RunRequest request) =>
        request with { DumpHouseholds = parse.GetValue(Years), DumpReplications = parse.GetValue(Replications), DumpFormat = parse.GetValue(Format), Sensitivity = parse.GetValue(Sensitivity) };
}
