using System.Diagnostics;
using EcosystemSim.Host.Engines;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Metrics;
using Serilog;

namespace EcosystemSim.Host.Runs;

/// <summary>What a run produced.</summary>
public sealed record RunResult(MetricsTable Metrics, PopulationSummary Population, double Weight, TimeSpan Initialisation, TimeSpan Years)
{
    /// <summary>The Lorenz curves of every year.</summary>
    public LorenzTable Lorenz { get; init; } = new();
}

/// <summary>
/// Drives an engine through a run: initialise, then each year step and hand the year's records
/// to the metric registry (the year protocol's last step). Knows nothing of Orleans.
/// </summary>
public static class SimulationRunner
{
    public static async Task<RunResult> RunAsync(ISimulation simulation, RunPlan plan,
        int replication, ILogger log, CancellationToken cancellationToken, Action<YearRecords>? onYear = null)
    {
        var clock = Stopwatch.StartNew();
        var population = await simulation.InitializeAsync(plan, cancellationToken);
        var initialisation = clock.Elapsed;
        double weight = population.Weight;
        log.Information("Created {Households} households ({Persons} persons, weight {Weight:F1}) in {Seconds:F1}s on the {Engine} engine",
            population.Households, population.Persons, weight, initialisation.TotalSeconds, simulation.Engine);

        var metrics = new MetricsTable();
        var lorenz = new LorenzTable();
        clock.Restart();
        // A year's metrics are computed while the engine steps the next year (one year in flight at
        // most), in year order, so the tables are the same as if computed in line.
        Task pending = Task.CompletedTask;
        for (int year = plan.StartYear; year < plan.StartYear + plan.Years; year++)
        {
            var yearClock = Stopwatch.StartNew();
            var outcome = await simulation.StepYearAsync(year, cancellationToken);
            double seconds = yearClock.Elapsed.TotalSeconds;
            var records = new YearRecords(year, new ChunkedList<HouseholdYearRecord>(outcome.Counties.Select(c => c.Households).ToArray()),
                outcome.Counties.Select(c => c.Ledger).ToArray(), outcome.National, weight) { Insurers = outcome.Insurers, Parameters = plan.Timeline.At(year) };
            await pending;
            pending = Task.Run(() =>
            {
                metrics.AddRange(MetricRegistry.Compute(records, replication));
                lorenz.Add(records, replication);
                onYear?.Invoke(records);
            }, cancellationToken);
            log.Information("Year {Year} of replication {Replication} done in {Seconds:F2}s ({Rate:N0} household-years/s)",
                year, replication, seconds, population.Households / Math.Max(seconds, 1e-9));
        }
        await pending;
        return new RunResult(metrics, population, weight, initialisation, clock.Elapsed) { Lorenz = lorenz };
    }
}

/// <summary>A read-only list over several arrays, end to end, without copying them.</summary>
public sealed class ChunkedList<T>(IReadOnlyList<T[]> chunks) : IReadOnlyList<T>
{
    private readonly int[] _starts = Starts(chunks);

    public int Count => _starts[^1];

    public T this[int index]
    {
        get
        {
            int chunk = Array.BinarySearch(_starts, index);
            chunk = chunk >= 0 ? chunk : ~chunk - 1;
            while (chunks[chunk].Length == 0) chunk++;
            return chunks[chunk][index - _starts[chunk]];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var chunk in chunks)
        {
            foreach (var item in chunk) yield return item;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static int[] Starts(IReadOnlyList<T[]> chunks)
    {
        var starts = new int[chunks.Count + 1];
        for (int i = 0; i < chunks.Count; i++) starts[i + 1] = starts[i] + chunks[i].Length;
        return starts;
    }
}
