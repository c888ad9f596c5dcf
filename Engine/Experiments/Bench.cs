using System.Diagnostics;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Scenarios;
using Serilog;

namespace EcosystemSim.Engine.Experiments;

/// <summary>What one engine did in a benchmark.</summary>
public sealed record EngineMeasurement
{
    public required string Engine { get; init; }
    public required double InitialiseSeconds { get; init; }
    public required double FirstYearSeconds { get; init; }
    /// <summary>Seconds of the years after the first (steady state).</summary>
    public required double SteadySeconds { get; init; }
    /// <summary>CPU seconds of the whole process during the years after the first (every core; on a cluster the client's only).</summary>
    public double SteadyCpuSeconds { get; init; }

    /// <summary>Seconds spent computing metrics (the same work for both engines; not part of the engine's time).</summary>
    public required double MetricsSeconds { get; init; }
    public required double PeakWorkingSetMb { get; init; }
    public required double PeakManagedHeapMb { get; init; }
    public required int Households { get; init; }
    public required int Years { get; init; }

    /// <summary>Silos the engine ran on (0 in process, 1 for the embedded silo); on a cluster the peak memory is the client's, not the silos'.</summary>
    public int Silos { get; init; }

    /// <summary>Checkpoints written (bench --checkpoint-every), their total seconds (saving the agents and writing the file) and bytes.</summary>
    public int Checkpoints { get; init; }

    public double CheckpointSeconds { get; init; }

    /// <summary>Seconds spent compressing and writing checkpoints while the next years ran (they compete with the years for the cores).</summary>
    public double CheckpointBackgroundSeconds { get; init; }

    public long CheckpointBytes { get; init; }

    /// <summary>Seconds the run waited for one checkpoint (saving and encoding the agents between years), on average.</summary>
    public double SecondsPerCheckpoint => Checkpoints == 0 ? double.NaN : CheckpointSeconds / Checkpoints;

    /// <summary>Bytes of a checkpoint per household.</summary>
    public double CheckpointBytesPerHousehold => Checkpoints == 0 ? double.NaN : (double)CheckpointBytes / Checkpoints / Households;

    /// <summary>The run's wait for checkpoints over the engine's time (compression and writing overlap the next years and show in their time).</summary>
    public double CheckpointOverhead => Checkpoints == 0 ? 0 : CheckpointSeconds / EngineSeconds;

    /// <summary>The engine's work: creating the agents and stepping every year.</summary>
    public double EngineSeconds => InitialiseSeconds + FirstYearSeconds + SteadySeconds;

    public double ActivationMicrosecondsPerHousehold => 1e6 * InitialiseSeconds / Households;

    /// <summary>
    /// CPU microseconds per household-year after the first year (NaN for a one-year run): the cost on
    /// all cores together (on these shared machines it varies between rounds much as the wall-clock rate does).
    /// </summary>
    public double SteadyCpuMicrosecondsPerHouseholdYear => Years < 2 ? double.NaN : 1e6 * SteadyCpuSeconds / ((double)Households * (Years - 1));

    /// <summary>Household-years per second after the first year (NaN for a one-year run).</summary>
    public double SteadyHouseholdYearsPerSecond => Years < 2 ? double.NaN : (double)Households * (Years - 1) / SteadySeconds;
}

/// <summary>
/// The benchmark: a scenario's first replication on one engine, through the same run loop as every
/// experiment but with metrics computed in line (so the engine's time is its own), sampling the
/// process's peak memory.
/// </summary>
public static class Bench
{
    /// <summary>The engine name of a measurement on a cluster of `ecosim silo` processes.</summary>
    public const string ClusterEngine = "cluster";

    /// <summary>Measures one engine; with <paramref name="checkpointEvery"/> above 0 it also writes a checkpoint every that many years (to a temporary directory, removed after) and measures them.</summary>
    public static Task<EngineMeasurement> MeasureAsync(EngineKind kind, Scenario scenario, ILogger log, CancellationToken cancellationToken, int checkpointEvery = 0) =>
        MeasureAsync(() => EngineHost.StartAsync(kind, log, cancellationToken), EngineHost.Name(kind), scenario, log, cancellationToken, checkpointEvery);

    /// <summary>Measures the Orleans engine on a cluster of `ecosim silo` processes, as a client of it (<see cref="ClusterEngine"/>).</summary>
    public static Task<EngineMeasurement> MeasureClusterAsync(ClusterAddress cluster, string clusterId, Scenario scenario, ILogger log, CancellationToken cancellationToken, int checkpointEvery = 0) =>
        MeasureAsync(() => EngineHost.ConnectAsync(cluster, clusterId, log, cancellationToken), ClusterEngine, scenario, log, cancellationToken, checkpointEvery);

    private static async Task<EngineMeasurement> MeasureAsync(Func<Task<EngineHost>> start, string name, Scenario scenario, ILogger log, CancellationToken cancellationToken, int checkpointEvery)
    {
        using var sampler = new MemorySampler();
        await using var engine = await start();
        var plan = RunPlan.For(scenario, 0, $"bench-{Guid.NewGuid():N}");
        string directory = Path.Combine(Path.GetTempPath(), $"ecosim-bench-checkpoints-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var stats = new CheckpointStats();
        var checkpoints = checkpointEvery <= 0 ? null : new CheckpointPlan
        {
            Directory = directory, Every = checkpointEvery, Stats = stats, ScenarioJson = Scenarios.Loading.ScenarioWriter.ToJson(scenario).ToJsonString(),
        };
        RunResult result;
        try
        {
            result = await new Experiment(engine, log).RunOnceAsync(plan, 0, scenario.Name, new RunObserver { OverlapMetrics = false, ReuseRecordMemory = true }, cancellationToken, checkpoints);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        return new EngineMeasurement
        {
            Engine = name,
            Silos = engine.Silos,
            InitialiseSeconds = result.InitialiseSeconds,
            FirstYearSeconds = result.YearSeconds[0],
            SteadySeconds = result.YearSeconds.Skip(1).Sum(),
            SteadyCpuSeconds = result.YearCpuSeconds.Skip(1).Sum(),
            MetricsSeconds = result.MetricsSeconds,
            PeakWorkingSetMb = sampler.PeakWorkingSet / 1048576.0,
            PeakManagedHeapMb = sampler.PeakHeap / 1048576.0,
            Households = plan.Households,
            Years = plan.Years,
            Checkpoints = stats.Count,
            CheckpointSeconds = stats.Seconds,
            CheckpointBackgroundSeconds = stats.BackgroundSeconds,
            CheckpointBytes = stats.Bytes,
        };
    }

    /// <summary>Samples the process's working set and the managed heap every 50 ms and keeps the peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private readonly Process _process = Process.GetCurrentProcess();
        private long _peakWorkingSet, _peakHeap;
        private bool _disposed;

        public MemorySampler()
        {
            Sample();
            _timer = new Timer(_ => Sample(), null, 50, 50);
        }

        public long PeakWorkingSet
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peakWorkingSet);
            }
        }

        public long PeakHeap => Interlocked.Read(ref _peakHeap);

        private void Sample()
        {
            lock (_process)
            {
                // A timer callback can still be on its way when the sampler is disposed: it must not touch the disposed process
                // (Refresh would throw on a pool thread and take the whole process down).
                if (_disposed) return;
                _process.Refresh();
                long ws = _process.WorkingSet64;
                long heap = GC.GetGCMemoryInfo().HeapSizeBytes;
                if (ws > _peakWorkingSet) Interlocked.Exchange(ref _peakWorkingSet, ws);
                if (heap > _peakHeap) Interlocked.Exchange(ref _peakHeap, heap);
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            lock (_process)
            {
                _disposed = true;
                _process.Dispose();
            }
        }
    }
}
