using EcosystemSim.Engine.Engines;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>What the user asked `run` to do.</summary>
public sealed record RunRequest(
    string Scenario,
    string? Out,
    int? Households,
    int? Years,
    int? StartYear,
    ulong? Seed,
    EngineKind Engine,
    bool Force,
    LogEventLevel LogLevel,
    string CommandLine)
{
    /// <summary>The --dump-households value: years (2021,2030), ranges (2021-2025), first, last or all; null for none.</summary>
    public string? DumpHouseholds { get; init; }

    /// <summary>The --dump-replications value: all, or replications such as 0,2 (default 0 only); null for the default.</summary>
    public string? DumpReplications { get; init; }

    /// <summary>The --format value of household dumps: csv or parquet; null for the default (csv).</summary>
    public string? DumpFormat { get; init; }

    /// <summary>The --replications override.</summary>
    public int? Replications { get; init; }

    /// <summary>The --sensitivity value: the output of `ecosim sensitivity` the reports cite; null for none.</summary>
    public string? Sensitivity { get; init; }

    /// <summary>The sensitivity analysis the reports cite, read from <see cref="Sensitivity"/>; bad input names the option.</summary>
    /// <remarks>The analysis must be of one of <paramref name="scenarios"/> (by name).</remarks>
    public Reports.Html.SensitivitySummary? LoadSensitivity(params string[] scenarios)
    {
        if (Sensitivity is null) return null;
        try
        {
            var summary = Reports.Html.SensitivitySummary.Load(Sensitivity);
            if (!scenarios.Contains(summary.Scenario))
            {
                throw new Cli.UsageException($"--sensitivity: {Sensitivity} analysed {summary.Scenario}, not {string.Join(" or ", scenarios)}");
            }
            return summary;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new Cli.UsageException($"--sensitivity: {e.Message}");
        }
    }

    /// <summary>The --breakdowns override: national or regions; null keeps the scenario's.</summary>
    public string? Breakdowns { get; init; }

    /// <summary>The --prices override: the year whose prices money is written in, 0 for nominal.</summary>
    public int? Prices { get; init; }

    /// <summary>Replications run at once (--parallel); one per core by default.</summary>
    public int? Parallel { get; init; }

    /// <summary>The cluster to run on (--cluster), or null for the engine in this process.</summary>
    public ClusterAddress? Cluster { get; init; }

    /// <summary>The cluster's id (--cluster-id), as its silos were started with.</summary>
    public string ClusterId { get; init; } = ClusterConnection.DefaultClusterId;
}
