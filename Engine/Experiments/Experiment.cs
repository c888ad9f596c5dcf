using System.Diagnostics;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
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
    /// One run, created (or put back from a checkpoint) and stepped to its last year
    /// (<see cref="SteppedRun"/>), writing a checkpoint at the end of every N-th year when asked.
    /// </summary>
    public async Task<RunResult> RunOnceAsync(RunPlan plan, int replication, string label, RunObserver observer, CancellationToken cancellationToken,
        CheckpointPlan? checkpoints = null)
    {
        var from = checkpoints?.From?.Invoke(replication);
        await using var run = await SteppedRun.StartAsync(engine, plan, replication, label, observer, log, cancellationToken, from);
        // A checkpoint is encoded between years and compressed and written while the next year runs; the next one waits for it.
        Task writing = Task.CompletedTask;
        try
        {
            while (!run.Done)
            {
                await run.StepAsync(cancellationToken);
                if (checkpoints is { Directory: { } directory, Every: > 0 } && !run.Done && (run.NextYear - plan.StartYear) % checkpoints.Every == 0)
                {
                    await writing;
                    var clock = Stopwatch.StartNew();
                    var encoded = Checkpoints.Encode(await run.CheckpointAsync(checkpoints.ScenarioJson, cancellationToken));
                    double encodeSeconds = clock.Elapsed.TotalSeconds;
                    writing = Task.Run(() => WriteCheckpoint(directory, encoded, checkpoints, encodeSeconds), CancellationToken.None);
                }
            }
        }
        finally
        {
            // Whether the run ends or fails, the checkpoint being written is finished (or its failure seen): a resume may need it.
            await writing;
        }
        return await run.FinishAsync();
    }

    private void WriteCheckpoint(string directory, EncodedCheckpoint encoded, CheckpointPlan checkpoints, double encodeSeconds)
    {
        var clock = Stopwatch.StartNew();
        string file = Checkpoints.Write(directory, encoded);
        if (!checkpoints.KeepAll) Checkpoints.RemoveOlder(directory, encoded.Replication, encoded.LastYear);
        checkpoints.Stats?.Add(encodeSeconds, clock.Elapsed.TotalSeconds, new FileInfo(file).Length);
        log.Information("Checkpoint of replication {Replication} at the end of {Year}", encoded.Replication, encoded.LastYear);
    }

    /// <summary>
    /// A run to step a year at a time, change and inspect between years (the lab): every
    /// replication's agents created, paused before the first year.
    /// </summary>
    public Task<LiveRun> StartLiveAsync(Scenario scenario, CancellationToken cancellationToken) =>
        LiveRun.StartAsync(this, scenario, log, cancellationToken);

    /// <summary>
    /// A scenario's replications, several at once (each its own run id on the engine), in
    /// replication order whatever order they finish in. One failed replication stops the others.
    /// </summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, int parallelism, RunObserver observer, CancellationToken cancellationToken,
        CheckpointPlan? checkpoints = null)
    {
        checkpoints = checkpoints is null ? null : checkpoints with { ScenarioJson = ScenarioWriter.ToJson(scenario with { Base = "" }).ToJsonString() };
        var clock = Stopwatch.StartNew();
        var results = new RunResult[scenario.Replications];
        var timeline = ScenarioTimeline.Compile(scenario);
        string batch = Guid.NewGuid().ToString("N");
        await Concurrent.ForEachAsync(scenario.Replications, parallelism, async (r, token) =>
        {
            var plan = RunPlan.For(scenario, timeline, r, $"{scenario.Name}-{batch}-r{r}");
            string label = scenario.Replications > 1 ? $"{scenario.Name} replication {r + 1}/{scenario.Replications}" : scenario.Name;
            results[r] = await RunOnceAsync(plan, r, label, observer, token, checkpoints);
        }, cancellationToken);
        return new ScenarioResult(scenario, results, engine.Engine, engine.Silos, clock.Elapsed);
    }

    /// <summary>
    /// The baseline, then each reform with the baseline's run settings and seeds (common random
    /// numbers, <see cref="Comparison.Align"/>), and their paired differences replication by replication.
    /// </summary>
    /// <remarks>With <paramref name="from"/>, every scenario starts from the same checkpoint (`compare --from`): the shared years are not run again.</remarks>
    /// <remarks><paramref name="observerOf"/>, when given, gives the observer of the i-th scenario (0 the baseline) in place of <paramref name="observer"/>.</remarks>
    public async Task<ComparisonResult> CompareAsync(Scenario baseline, IReadOnlyList<Scenario> reforms, int parallelism,
        RunObserver observer, CancellationToken cancellationToken, CheckpointPlan? from = null, Func<int, RunObserver>? observerOf = null)
    {
        var runs = new List<ScenarioResult> { await RunAsync(baseline, parallelism, observerOf?.Invoke(0) ?? observer, cancellationToken, from) };
        for (int i = 0; i < reforms.Count; i++)
        {
            runs.Add(await RunAsync(Comparison.Align(baseline, reforms[i]), parallelism, observerOf?.Invoke(i + 1) ?? observer, cancellationToken, from));
        }
        var table = ComparisonTable.Of(runs[0].Metrics,
            runs.Skip(1).Select(r => (r.Scenario.Name, (IReadOnlyList<MetricsTable>)r.Metrics)).ToArray());
        return new ComparisonResult(runs, table);
    }
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
        PricesYear = baseline.PricesYear,
        Breakdowns = baseline.Breakdowns,
    };
}

/// <summary>
/// How a run writes checkpoints and where each replication starts: <see cref="Directory"/> receives
/// a checkpoint at the end of every <see cref="Every"/>-th year (only the latest kept unless
/// <see cref="KeepAll"/>); <see cref="From"/> gives a replication's checkpoint to start from (a
/// resume or a fork), or null to create its agents.
/// </summary>
public sealed record CheckpointPlan
{
    public string? Directory { get; init; }

    public int Every { get; init; }

    public bool KeepAll { get; init; }

    public Func<int, ReplicationCheckpoint?>? From { get; init; }

    /// <summary>Where the time and bytes of the checkpoints written are added up (bench), or null.</summary>
    public CheckpointStats? Stats { get; init; }

    /// <summary>The scenario the run runs, as checkpoints record it (set by <see cref="Experiment.RunAsync"/>).</summary>
    public string ScenarioJson { get; init; } = "";
}

/// <summary>
/// What checkpoints cost: how many were written; the seconds the run waited for them (saving the
/// agents and encoding them, between years); the seconds spent compressing and writing them (while
/// the next year runs); their bytes on disk.
/// </summary>
public sealed class CheckpointStats
{
    private readonly object _lock = new();

    public int Count { get; private set; }

    public double Seconds { get; private set; }

    public double BackgroundSeconds { get; private set; }

    public long Bytes { get; private set; }

    public void Add(double seconds, double backgroundSeconds, long bytes)
    {
        lock (_lock)
        {
            Count++;
            Seconds += seconds;
            BackgroundSeconds += backgroundSeconds;
            Bytes += bytes;
        }
    }
}
