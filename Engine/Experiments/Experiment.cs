using System.Diagnostics;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Model.Households;
using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using Serilog;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// The experiment layer: every front end (the command line, the tests, the web lab, a cluster
/// client) runs, replicates, compares and sweeps through it. Each layer calls the one below:
/// <see cref="RunOnceAsync"/> is the one loop over years; <see cref="RunAsync"/> replicates it;
/// <see cref="CompareAsync"/> and sweeps (<see cref="SweepGrid"/>) run scenarios through
/// <see cref="RunAsync"/>. Results are in memory; writing files is the caller's business.
/// </summary>
public sealed class Experiment(EngineHost engine, ILogger log)
{
    public EngineHost Engine => engine;

    /// <summary>Replications run at once by default: one per core.</summary>
    public static int DefaultParallelism(int replications) => Math.Max(1, Math.Min(replications, Environment.ProcessorCount));

    /// <summary>The seed of each replication of a scenario.</summary>
    public static ulong[] Seeds(Scenario scenario) =>
        Enumerable.Range(0, scenario.Replications).Select(r => Model.Random.Seeds.ForReplication(scenario.Seed, r)).ToArray();

    /// <summary>
    /// One run: create the agents, then each year run the protocol and hand the year's records to
    /// the metric registry (the protocol's last step).
    /// </summary>
    public async Task<RunResult> RunOnceAsync(RunPlan plan, int replication, string label, RunObserver observer, CancellationToken cancellationToken)
    {
        await using var agents = engine.Create(plan.RunId);
        var clock = Stopwatch.StartNew();
        var population = await YearProtocol.CreateAsync(agents, plan.Setup, plan.Layout, cancellationToken);
        double initialise = clock.Elapsed.TotalSeconds;
        log.Information("Created {Households} households ({Persons} persons, weight {Weight:F1}) in {Seconds:F1}s on the {Engine} engine",
            population.Households, population.Persons, population.Weight, initialise, agents.Engine);

        var metrics = new MetricsTable();
        var lorenz = new LorenzTable();
        var yearSeconds = new List<double>();
        double metricsSeconds = 0;
        void Collect(YearRecords records)
        {
            var metricsClock = Stopwatch.StartNew();
            metrics.AddRange(MetricRegistry.Compute(records, replication));
            lorenz.Add(records, replication);
            metricsSeconds += metricsClock.Elapsed.TotalSeconds;
            observer.YearDone?.Invoke(new YearDone(label, replication, records, population.Households));
        }

        clock.Restart();
        // Metrics of a year are computed while the engine steps the next, in year order, so the tables are the same as in line.
        Task pending = Task.CompletedTask;
        try
        {
            for (int year = plan.StartYear; year < plan.StartYear + plan.Years; year++)
            {
                var yearClock = Stopwatch.StartNew();
                var outcome = await RunYearAsync(agents, year, cancellationToken);
                double seconds = yearClock.Elapsed.TotalSeconds;
                yearSeconds.Add(seconds);
                var records = Records(plan, outcome, population.Weight);
                await pending;
                if (observer.OverlapMetrics) pending = Task.Run(() => Collect(records), cancellationToken);
                else Collect(records);
                log.Information("Year {Year} of replication {Replication} done in {Seconds:F2}s ({Rate:N0} household-years/s)",
                    year, replication, seconds, population.Households / Math.Max(seconds, 1e-9));
            }
            await pending;
        }
        finally
        {
            // A failed or cancelled year must not leave last year's metrics (and the observer's writes) running behind it.
            if (!pending.IsCompleted) await pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return new RunResult(metrics, lorenz, population)
        {
            InitialiseSeconds = initialise,
            YearSeconds = yearSeconds,
            MetricsSeconds = metricsSeconds,
            WallSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// A scenario's replications, several at once (each its own run id on the engine), in
    /// replication order whatever order they finish in. One failed replication stops the others.
    /// </summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, int parallelism, RunObserver observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var results = new RunResult[scenario.Replications];
        var timeline = ScenarioTimeline.Compile(scenario);
        string batch = Guid.NewGuid().ToString("N");
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, scenario.Replications).Select(async r =>
        {
            await gate.WaitAsync(failed.Token);
            try
            {
                var plan = RunPlan.For(scenario, timeline, r, $"{scenario.Name}-{batch}-r{r}");
                string label = scenario.Replications > 1 ? $"{scenario.Name} replication {r + 1}/{scenario.Replications}" : scenario.Name;
                results[r] = await RunOnceAsync(plan, r, label, observer, failed.Token);
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Surface the replication's own failure rather than the cancellations it caused.
            var cause = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).FirstOrDefault();
            if (cause is not null) throw cause;
            throw;
        }
        return new ScenarioResult(scenario, results, engine.Engine, engine.Silos, clock.Elapsed);
    }

    /// <summary>
    /// The baseline, then each reform with the baseline's run settings and seeds (common random
    /// numbers, <see cref="Comparison.Align"/>), and their paired differences replication by replication.
    /// </summary>
    public async Task<ComparisonResult> CompareAsync(Scenario baseline, IReadOnlyList<Scenario> reforms, int parallelism,
        RunObserver observer, CancellationToken cancellationToken)
    {
        var runs = new List<ScenarioResult> { await RunAsync(baseline, parallelism, observer, cancellationToken) };
        foreach (var reform in reforms)
        {
            runs.Add(await RunAsync(Comparison.Align(baseline, reform), parallelism, observer, cancellationToken));
        }
        var table = ComparisonTable.Of(runs[0].Metrics,
            runs.Skip(1).Select(r => (r.Scenario.Name, (IReadOnlyList<MetricsTable>)r.Metrics)).ToArray());
        return new ComparisonResult(runs, table);
    }

    /// <summary>
    /// One year of the protocol. Money is whole fen in 64 bits with checked conversions, so a
    /// scenario whose growth rates compound past 92 quadrillion yuan stops with a
    /// <see cref="ModelRangeException"/> naming the year, never with a wrapped-around number.
    /// </summary>
    private async Task<YearOutcome> RunYearAsync(IAgents agents, int year, CancellationToken cancellationToken)
    {
        try
        {
            return await YearProtocol.RunYearAsync(agents, year, cancellationToken);
        }
        catch (Exception e) when (e.GetBaseException() is OverflowException)
        {
            log.ForContext("FileOnly", true).Error(e, "Year {Year} overflowed", year);
            throw new ModelRangeException(
                $"year {year}: an amount of money passed the most the model holds (92 quadrillion yuan); the scenario's growth rates " +
                "compound too far over its years (lower the growth rates, the number of years or the gap between the start year and the base years)");
        }
    }

    /// <summary>A year's records as the metric registry reads them.</summary>
    private static YearRecords Records(RunPlan plan, YearOutcome outcome, double weight) =>
        new(outcome.Year, new ChunkedList<HouseholdYearRecord>(outcome.Counties.Select(c => c.Households).ToArray()),
            outcome.Counties.Select(c => c.Ledger).ToArray(), outcome.National, weight)
        {
            Insurers = outcome.Insurers,
            Parameters = plan.Setup.Timeline.At(outcome.Year),
        };
}

/// <summary>How a comparison pairs its scenarios.</summary>
public static class Comparison
{
    /// <summary>A reform with the baseline's run settings and seeds: replication r of every scenario is the same draw of the world.</summary>
    public static Scenario Align(Scenario baseline, Scenario reform) => reform with
    {
        Seed = baseline.Seed,
        Replications = baseline.Replications,
        Households = baseline.Households,
        StartYear = baseline.StartYear,
        Years = baseline.Years,
    };
}

/// <summary>A run whose numbers left the range the model holds: the scenario's values, together, are beyond the model.</summary>
public sealed class ModelRangeException(string message) : Exception(message);
