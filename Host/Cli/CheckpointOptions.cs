using System.CommandLine;
using EcosystemSim.Host.Runs;

namespace EcosystemSim.Host.Cli;

/// <summary>The checkpoint options of `run` (docs/cluster.md, "Checkpoints and resume").</summary>
public sealed class CheckpointOptions
{
    /// <summary>The longest interval between checkpoints a run may ask for, in years (as many as a scenario may have).</summary>
    public const int MaxEvery = 200;

    public Option<int?> Every { get; } = new("--checkpoint-every")
    {
        Description = "Write the complete simulation state at the end of every N-th year, so that 'ecosim resume OUT' can continue an interrupted run.",
        HelpName = "N",
    };

    public Option<bool> Keep { get; } = new("--keep-checkpoints")
    {
        Description = "Keep the checkpoints in the finished run as OUT/checkpoints/YEAR/ (to fork reforms from with --from).",
    };

    public Option<string?> From { get; } = new("--from")
    {
        Description = "Start from a checkpoint (OUT/checkpoints/YEAR) of an earlier run: the shared years are not simulated again; every change of the scenario must come after YEAR.",
        HelpName = "DIR",
    };

    public CheckpointOptions()
    {
        Every.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n && (n < 1 || n > MaxEvery)) result.AddError($"--checkpoint-every: {n} is out of range: must be between 1 and {MaxEvery} years");
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Every);
        command.Options.Add(Keep);
        command.Options.Add(From);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Keep) && result.GetValue(Every) is null) result.AddError("--keep-checkpoints needs --checkpoint-every N");
        });
    }

    public CheckpointRequest Request(ParseResult parse) => new(parse.GetValue(Every), parse.GetValue(Keep), parse.GetValue(From));
}
