using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EcosystemSim.Host.Cli;
using EcosystemSim.Host.Engines;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.World;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>What one engine did in a benchmark.</summary>
public sealed record EngineMeasurement
{
    public required string Engine { get; init; }
    public required double InitialiseSeconds { get; init; }
    public required double FirstYearSeconds { get; init; }
    /// <summary>Seconds of the years after the first (steady state).</summary>
    public required double SteadySeconds { get; init; }
    /// <summary>Seconds spent computing metrics (the same work for both engines; not part of the engine's time).</summary>
    public required double MetricsSeconds { get; init; }
    public required double PeakWorkingSetMb { get; init; }
    public required double PeakManagedHeapMb { get; init; }
    public required int Households { get; init; }
    public required int Years { get; init; }

    /// <summary>The engine's work: creating the agents and stepping every year.</summary>
    public double EngineSeconds => InitialiseSeconds + FirstYearSeconds + SteadySeconds;

    public double ActivationMicrosecondsPerHousehold => 1e6 * InitialiseSeconds / Households;

    /// <summary>Household-years per second after the first year (NaN for a one-year run).</summary>
    public double SteadyHouseholdYearsPerSecond => Years < 2 ? double.NaN : (double)Households * (Years - 1) / SteadySeconds;
}

/// <summary>
/// `ecosim bench`: the calibrated baseline on both engines, one after the other in this process,
/// measuring activation per household, steady-state household-years per second, peak memory and
/// the overhead of the Orleans engine over the in-process floor for the same work.
/// </summary>
public static class BenchHandler
{
    public static async Task<int> ExecuteAsync(int households, int years, bool json, string engines, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Scenario scenario;
        try
        {
            if (years is < 1 or > 200) throw new UsageException($"--years: {years} is out of range: must be between 1 and 200");
            if (engines is not ("both" or "inprocess" or "orleans")) throw new UsageException($"--engines: '{engines}' is not both, inprocess or orleans");
            scenario = ScenarioLoader.Load("baseline").Scenario with { Households = households, Years = years };
            var problems = ScenarioLoader.Check(scenario, "baseline");
            if (problems.Count > 0) throw new UsageException($"--households: {problems[0].Message}");
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"ecosim: {e.Message}");
            return ExitCodes.BadInput;
        }

        var log = RunLogging.Create(json ? LogEventLevel.Warning : LogEventLevel.Information, null);
        try
        {
            var measurements = new List<EngineMeasurement>();
            foreach (var kind in new[] { EngineKind.InProcess, EngineKind.Orleans })
            {
                if (engines != "both" && engines != (kind == EngineKind.InProcess ? "inprocess" : "orleans")) continue;
                log.Information("Bench: {Engine} engine, {Households} households, {Years} years", kind, households, years);
                measurements.Add(await MeasureAsync(kind, scenario, log, cancellationToken));
                // Leave nothing of one engine to the next.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            await stdout.WriteAsync(json ? Json(measurements, households, years) : Table(measurements, households, years));
            await log.DisposeAsync();
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await log.DisposeAsync();
            await stderr.WriteLineAsync("ecosim: interrupted");
            return ExitCodes.RunFailed;
        }
        catch (Exception e)
        {
            log.Error(e, "The benchmark failed");
            await log.DisposeAsync();
            await stderr.WriteLineAsync($"ecosim: the benchmark failed: {e.GetBaseException().Message}");
            return ExitCodes.RunFailed;
        }
    }

    private static async Task<EngineMeasurement> MeasureAsync(EngineKind kind, Scenario scenario, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        using var sampler = new MemorySampler();
        await using var host = await EngineHost.StartAsync(kind, log, cancellationToken);
        var plan = new RunPlan($"bench-{Guid.NewGuid():N}", scenario.Model, scenario.Seed, scenario.StartYear, scenario.Years,
            WorldLayout.Build(scenario.Model, scenario.Households, scenario.Seed)) { Timeline = ScenarioTimeline.Compile(scenario) };
        await using var simulation = host.Create();
        var clock = Stopwatch.StartNew();
        var population = await simulation.InitializeAsync(plan, cancellationToken);
        double initialise = clock.Elapsed.TotalSeconds;
        double first = 0, steady = 0, metrics = 0;
        for (int year = plan.StartYear; year < plan.StartYear + plan.Years; year++)
        {
            clock.Restart();
            var outcome = await simulation.StepYearAsync(year, cancellationToken);
            double step = clock.Elapsed.TotalSeconds;
            if (year == plan.StartYear) first = step;
            else steady += step;
            // The host's share of a real run: the year's metrics (identical work for both engines).
            clock.Restart();
            var records = new YearRecords(year, new ChunkedList<HouseholdYearRecord>(outcome.Counties.Select(c => c.Households).ToArray()),
                outcome.Counties.Select(c => c.Ledger).ToArray(), outcome.National, population.Weight) { Insurers = outcome.Insurers, Parameters = plan.Timeline.At(year) };
            _ = MetricRegistry.Compute(records, 0).Count();
            metrics += clock.Elapsed.TotalSeconds;
            log.Information("{Engine} year {Year}: {Seconds:F2}s ({Rate:N0} household-years/s)", simulation.Engine, year, step, plan.Households / step);
        }
        return new EngineMeasurement
        {
            Engine = simulation.Engine,
            InitialiseSeconds = initialise,
            FirstYearSeconds = first,
            SteadySeconds = steady,
            MetricsSeconds = metrics,
            PeakWorkingSetMb = sampler.PeakWorkingSet / 1048576.0,
            PeakManagedHeapMb = sampler.PeakHeap / 1048576.0,
            Households = plan.Households,
            Years = plan.Years,
        };
    }

    private static string Json(IReadOnlyList<EngineMeasurement> m, int households, int years)
    {
        var inprocess = m.FirstOrDefault(x => x.Engine == "inprocess");
        var orleans = m.FirstOrDefault(x => x.Engine == "orleans");
        var json = new Dictionary<string, object?>
        {
            ["households"] = households,
            ["years"] = years,
            ["cores"] = Environment.ProcessorCount,
            ["inprocess_household_years_per_s"] = Round(inprocess?.SteadyHouseholdYearsPerSecond),
            ["orleans_household_years_per_s"] = Round(orleans?.SteadyHouseholdYearsPerSecond),
            ["inprocess_activation_us_per_household"] = Round(inprocess?.ActivationMicrosecondsPerHousehold),
            ["orleans_activation_us_per_household"] = Round(orleans?.ActivationMicrosecondsPerHousehold),
            ["inprocess_seconds"] = Round(inprocess?.EngineSeconds),
            ["orleans_seconds"] = Round(orleans?.EngineSeconds),
            ["overhead_ratio"] = inprocess is null || orleans is null ? null : Math.Round(orleans.EngineSeconds / inprocess.EngineSeconds, 3),
            ["metrics_seconds"] = Round(m.Count > 0 ? m.Average(x => x.MetricsSeconds) : null),
            ["peak_working_set_mb"] = Round(m.Count > 0 ? m.Max(x => x.PeakWorkingSetMb) : null),
            ["inprocess_peak_working_set_mb"] = Round(inprocess?.PeakWorkingSetMb),
            ["orleans_peak_working_set_mb"] = Round(orleans?.PeakWorkingSetMb),
            ["peak_managed_heap_mb"] = Round(m.Count > 0 ? m.Max(x => x.PeakManagedHeapMb) : null),
        };
        return JsonSerializer.Serialize(json) + "\n";
    }

    private static double? Round(double? x) => x is { } v && double.IsFinite(v) ? Math.Round(v, 1) : null;

    private static string Table(IReadOnlyList<EngineMeasurement> m, int households, int years)
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"bench: the baseline, {households:N0} households, {years} years, {Environment.ProcessorCount} cores\n\n");
        sb.Append("engine      activation us/hh  first year s  steady hh-years/s  engine s  metrics s  peak working set MB  peak heap MB\n");
        foreach (var x in m)
        {
            sb.Append(c, $"{x.Engine,-11} {x.ActivationMicrosecondsPerHousehold,16:N1}  {x.FirstYearSeconds,12:N2}  {x.SteadyHouseholdYearsPerSecond,17:N0}  {x.EngineSeconds,8:N1}  {x.MetricsSeconds,9:N1}  {x.PeakWorkingSetMb,19:N0}  {x.PeakManagedHeapMb,12:N0}\n");
        }
        if (m.Count == 2) sb.Append(c, $"\noverhead ratio (orleans / inprocess engine seconds): {m[1].EngineSeconds / m[0].EngineSeconds:N2}\n");
        return sb.ToString();
    }

    /// <summary>Samples the process's working set and the managed heap every 50 ms and keeps the peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private readonly Process _process = Process.GetCurrentProcess();
        private long _peakWorkingSet, _peakHeap;

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
            _process.Dispose();
        }
    }
}
