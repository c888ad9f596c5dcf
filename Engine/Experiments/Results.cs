using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Engine.Experiments;

/// <summary>What one run produced: its metrics and Lorenz curves for every year, its population, and how long it took.</summary>
public sealed record RunResult(MetricsTable Metrics, LorenzTable Lorenz, PopulationSummary Population)
{
    /// <summary>Real persons each simulated person stands for.</summary>
    public double Weight => Population.Weight;

    /// <summary>Seconds to create the agents.</summary>
    public double InitialiseSeconds { get; init; }

    /// <summary>Seconds the engine took for each year, in year order (the protocol's work, without metrics).</summary>
    public IReadOnlyList<double> YearSeconds { get; init; } = [];

    /// <summary>
    /// CPU seconds the whole process used during each year's protocol, in year order: every thread,
    /// so metrics computed beside a year (a run's overlap) count in it, and on a cluster only the
    /// client's share is here. Set beside the wall seconds, it says how much of the cores the year
    /// kept busy (bench, issue 18).
    /// </summary>
    public IReadOnlyList<double> YearCpuSeconds { get; init; } = [];

    /// <summary>Seconds spent computing metrics (the same work on every engine).</summary>
    public double MetricsSeconds { get; init; }

    /// <summary>Wall seconds of the years, metrics included.</summary>
    public double WallSeconds { get; init; }
}

/// <summary>A scenario's replications, in order, and the engine they ran on.</summary>
public sealed record ScenarioResult(Scenario Scenario, RunResult[] Replications, string Engine, int Silos, TimeSpan Wall)
{
    /// <summary>Each replication's metrics, in order.</summary>
    public MetricsTable[] Metrics => Replications.Select(r => r.Metrics).ToArray();
}

/// <summary>A comparison: the baseline's run first, then each reform's, and the paired differences.</summary>
public sealed record ComparisonResult(IReadOnlyList<ScenarioResult> Runs, ComparisonTable Table);

/// <summary>A year just done in some run, as observers see it.</summary>
/// <param name="Label">The scenario's name, with the replication when there are several.</param>
/// <param name="Replication">The replication index.</param>
/// <param name="Records">Everything the year left behind.</param>
/// <param name="Households">Households in the run.</param>
public sealed record YearDone(string Label, int Replication, YearRecords Records, int Households)
{
    /// <summary>The year's price level over the run's prices year (1 when money is nominal): divide the records' money by it for constant prices.</summary>
    public double PriceLevel { get; init; } = 1;
}

/// <summary>What an experiment's caller wants to hear while it runs, and how.</summary>
public sealed record RunObserver
{
    public static RunObserver None { get; } = new();

    /// <summary>Called once per run and year, in year order within a run, after the year's metrics (on a worker thread).</summary>
    public Action<YearDone>? YearDone { get; init; }

    /// <summary>
    /// Compute a year's metrics while the engine steps the next (one year in flight at most), the
    /// default; the tables are the same either way. Off in the benchmark, to time the engine alone.
    /// </summary>
    public bool OverlapMetrics { get; init; } = true;

    /// <summary>
    /// The caller reads a year's household records only within <see cref="YearDone"/> and, from
    /// <see cref="SteppedRun.StepAsync"/>, until the next step begins: the engine may then write a
    /// later year into the same memory (<see cref="Protocol.IAgents.ReleaseRecords"/>): the next
    /// year when the metrics run in line, the year after when they run beside the next one. The
    /// year's income distributions (<see cref="Reports.Metrics.YearRecords.Distributions"/>) are read
    /// only within <see cref="YearDone"/>: the next year's metrics are built in their memory. The
    /// commands' runs, calibration and the benchmark promise this; off by default, for callers that
    /// keep every year's records.
    /// </summary>
    public bool ReuseRecordMemory { get; init; }
}
