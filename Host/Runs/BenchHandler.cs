using System.Globalization;
using System.Text;
using System.Text.Json;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// `ecosim bench`: the calibrated baseline on both engines, one after the other in this process,
/// measuring activation per household, steady-state household-years per second, peak memory and
/// the overhead of the Orleans engine over the in-process floor for the same work.
/// </summary>
public static class BenchHandler
{
    /// <summary>What `ecosim bench` was asked for.</summary>
    public sealed record Request(int Households, int Years, bool Json, string Engines, int CheckpointEvery)
    {
        /// <summary>Times to measure every engine (--repeat): the figures are then the medians, with their ranges.</summary>
        public int Repeat { get; init; } = 1;

        /// <summary>The most --repeat allows.</summary>
        public const int MaxRepeat = 20;

        /// <summary>A cluster to measure as well (--cluster), as a URL still to be checked.</summary>
        public string? Cluster { get; init; }

        public string ClusterId { get; init; } = ClusterConnection.DefaultClusterId;
    }

    public static async Task<int> ExecuteAsync(Request request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Scenario scenario;
        ClusterAddress? cluster;
        try
        {
            (scenario, cluster) = Check(request);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"ecosim: {e.Message}");
            return ExitCodes.BadInput;
        }

        var log = RunLogging.Create(request.Json ? LogEventLevel.Warning : LogEventLevel.Information, null);
        try
        {
            var repeats = new List<IReadOnlyList<EngineMeasurement>>();
            for (int r = 1; r <= request.Repeat; r++)
            {
                if (request.Repeat > 1) log.Information("Bench: repeat {Repeat} of {Repeats}", r, request.Repeat);
                repeats.Add(await MeasureOnceAsync(request, scenario, cluster, log, cancellationToken));
            }
            string report = repeats.Count == 1
                ? request.Json ? Json(repeats[0], request.Households, request.Years) : Table(repeats[0], request.Households, request.Years)
                : request.Json ? BenchRepeats.Json(repeats, r => Figures(r, request.Households, request.Years))
                : BenchRepeats.Table(repeats, r => Table(r, request.Households, request.Years), r => Figures(r, request.Households, request.Years));
            await stdout.WriteAsync(report);
            await log.DisposeAsync();
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await log.DisposeAsync();
            await stderr.WriteLineAsync("ecosim: interrupted");
            return ExitCodes.RunFailed;
        }
        catch (ClusterUnavailableException e)
        {
            await log.DisposeAsync();
            await stderr.WriteLineAsync($"ecosim: the benchmark cannot start: {ProcessGuard.OneLine(e.Message)}");
            return ExitCodes.RunFailed;
        }
        catch (Exception e)
        {
            // The bench writes no log file: the details go to one in the temporary folder, the line to stderr.
            await log.DisposeAsync();
            string where = Details(e) is { } file ? $" (details in {file})" : "";
            await stderr.WriteLineAsync($"ecosim: the benchmark failed: {CommandOutcome.Cause(e.GetBaseException())}{where}");
            return ExitCodes.RunFailed;
        }
    }

    /// <summary>The failure's full text in a new file in the temporary folder, or null when it cannot be written.</summary>
    private static string? Details(Exception e)
    {
        try
        {
            string file = Path.Combine(Path.GetTempPath(), $"ecosim-bench-failed-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(file, $"ecosim bench failed at {DateTime.UtcNow:O}\n{e}\n");
            return file;
        }
        catch (Exception ioe) when (ioe is IOException or UnauthorizedAccessException or OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>One measurement of each engine asked for, side by side (the engines alternate when repeated).</summary>
    private static async Task<IReadOnlyList<EngineMeasurement>> MeasureOnceAsync(Request request, Scenario scenario, ClusterAddress? cluster,
        Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var measurements = new List<EngineMeasurement>();
        foreach (var kind in new[] { EngineKind.InProcess, EngineKind.Orleans }.Where(k => request.Engines == "both" || request.Engines == EngineHost.Name(k)))
        {
            log.Information("Bench: {Engine} engine, {Households} households, {Years} years", kind, request.Households, request.Years);
            measurements.Add(await Bench.MeasureAsync(kind, scenario, log, cancellationToken, request.CheckpointEvery));
            // Leave nothing of one engine to the next.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        if (cluster is not null)
        {
            log.Information("Bench: the cluster of {Cluster}, {Households} households, {Years} years", cluster.Masked, request.Households, request.Years);
            measurements.Add(await Bench.MeasureClusterAsync(cluster, request.ClusterId, scenario, log, cancellationToken, request.CheckpointEvery));
        }
        return measurements;
    }

    /// <summary>The benchmark's scenario and cluster, or a <see cref="UsageException"/> naming the option at fault.</summary>
    private static (Scenario Scenario, ClusterAddress? Cluster) Check(Request request)
    {
        if (request.Years is < 1 or > 200) throw new UsageException($"--years: {request.Years} is out of range: must be between 1 and 200");
        if (request.Repeat is < 1 or > Request.MaxRepeat) throw new UsageException($"--repeat: {request.Repeat} is out of range: must be between 1 and {Request.MaxRepeat}");
        if (request.CheckpointEvery is < 0 or > CheckpointOptions.MaxEvery)
        {
            throw new UsageException($"--checkpoint-every: {request.CheckpointEvery} is out of range: must be between 1 and {CheckpointOptions.MaxEvery} years");
        }
        if (request.Engines is not ("both" or "inprocess" or "orleans" or "cluster")) throw new UsageException($"--engines: '{request.Engines}' is not both, inprocess, orleans or cluster");
        ClusterAddress? cluster;
        try
        {
            cluster = request.Cluster is { } url ? ClusterAddress.Parse(url) : null;
        }
        catch (FormatException e)
        {
            throw new UsageException($"--cluster: {e.Message}");
        }
        if (cluster is null && request.Engines == "cluster") throw new UsageException("--engines cluster needs --cluster URL");
        if (SiloCommand.WhyNotAClusterId(request.ClusterId) is { } why) throw new UsageException($"--cluster-id: {why}");
        var scenario = ScenarioLoader.Load("baseline").Scenario with { Households = request.Households, Years = request.Years };
        var problems = ScenarioLoader.Check(scenario, "baseline");
        if (problems.Count > 0) throw new UsageException($"--households: {problems[0].Message}");
        return (scenario, cluster);
    }

    private static string Json(IReadOnlyList<EngineMeasurement> m, int households, int years) =>
        JsonSerializer.Serialize(Figures(m, households, years)) + "\n";

    /// <summary>Every figure of one measurement of the engines, by its JSON name.</summary>
    private static Dictionary<string, object?> Figures(IReadOnlyList<EngineMeasurement> m, int households, int years)
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
            ["inprocess_cpu_us_per_household_year"] = Round2(inprocess?.SteadyCpuMicrosecondsPerHouseholdYear),
            ["orleans_cpu_us_per_household_year"] = Round2(orleans?.SteadyCpuMicrosecondsPerHouseholdYear),
            ["inprocess_activation_us_per_household"] = Round(inprocess?.ActivationMicrosecondsPerHousehold),
            ["orleans_activation_us_per_household"] = Round(orleans?.ActivationMicrosecondsPerHousehold),
            ["inprocess_seconds"] = Round(inprocess?.EngineSeconds),
            ["orleans_seconds"] = Round(orleans?.EngineSeconds),
            ["overhead_ratio"] = inprocess is null || orleans is null ? null : Math.Round(orleans.EngineSeconds / inprocess.EngineSeconds, 3),
            ["metrics_seconds"] = Round(m.Count > 0 ? m.Average(x => x.MetricsSeconds) : null),
            ["peak_working_set_mb"] = Round(m.Where(x => x.Engine != Bench.ClusterEngine).Select(x => (double?)x.PeakWorkingSetMb).Max()),
            ["inprocess_peak_working_set_mb"] = Round(inprocess?.PeakWorkingSetMb),
            ["orleans_peak_working_set_mb"] = Round(orleans?.PeakWorkingSetMb),
            ["peak_managed_heap_mb"] = Round(m.Count > 0 ? m.Max(x => x.PeakManagedHeapMb) : null),
        };
        if (m.FirstOrDefault(x => x.Engine == Bench.ClusterEngine) is { } cluster)
        {
            json["cluster_silos"] = cluster.Silos;
            json["cluster_household_years_per_s"] = Round(cluster.SteadyHouseholdYearsPerSecond);
            json["cluster_activation_us_per_household"] = Round(cluster.ActivationMicrosecondsPerHousehold);
            json["cluster_seconds"] = Round(cluster.EngineSeconds);
            json["cluster_client_peak_working_set_mb"] = Round(cluster.PeakWorkingSetMb);
        }
        foreach (var x in m.Where(x => x.Checkpoints > 0))
        {
            json[$"{x.Engine}_checkpoints"] = x.Checkpoints;
            json[$"{x.Engine}_seconds_per_checkpoint"] = Math.Round(x.SecondsPerCheckpoint, 3);
            json[$"{x.Engine}_checkpoint_bytes_per_household"] = Round(x.CheckpointBytesPerHousehold);
            json[$"{x.Engine}_checkpoint_overhead"] = Math.Round(x.CheckpointOverhead, 4);
            json[$"{x.Engine}_checkpoint_background_seconds"] = Math.Round(x.CheckpointBackgroundSeconds, 3);
        }
        return json;
    }

    private static double? Round(double? x) => x is { } v && double.IsFinite(v) ? Math.Round(v, 1) : null;

    /// <summary>Rounded to two decimals, for figures of a few units (microseconds per household-year).</summary>
    private static double? Round2(double? x) => x is { } v && double.IsFinite(v) ? Math.Round(v, 2) : null;

    private static string Table(IReadOnlyList<EngineMeasurement> m, int households, int years)
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"bench: the baseline, {households:N0} households, {years} years, {Environment.ProcessorCount} cores\n\n");
        sb.Append("engine      activation us/hh  first year s  steady hh-years/s  steady CPU us/hh-year  engine s  metrics s  peak working set MB  peak heap MB\n");
        foreach (var x in m)
        {
            bool onCluster = x.Engine == Bench.ClusterEngine;
            string engine = onCluster ? $"cluster/{x.Silos}" : x.Engine;
            // On a cluster the silos' CPU is in other processes: the client's alone would mislead.
            string cpu = onCluster ? "-" : x.SteadyCpuMicrosecondsPerHouseholdYear.ToString("N2", c);
            sb.Append(c, $"{engine,-11} {x.ActivationMicrosecondsPerHousehold,16:N1}  {x.FirstYearSeconds,12:N2}  {x.SteadyHouseholdYearsPerSecond,17:N0}  {cpu,21}  {x.EngineSeconds,8:N1}  {x.MetricsSeconds,9:N1}  {x.PeakWorkingSetMb,19:N0}  {x.PeakManagedHeapMb,12:N0}\n");
        }
        var inprocess = m.FirstOrDefault(x => x.Engine == "inprocess");
        var orleans = m.FirstOrDefault(x => x.Engine == "orleans");
        if (inprocess is not null && orleans is not null) sb.Append(c, $"\noverhead ratio (orleans / inprocess engine seconds): {orleans.EngineSeconds / inprocess.EngineSeconds:N2}\n");
        if (m.FirstOrDefault(x => x.Engine == Bench.ClusterEngine) is { } cluster)
        {
            sb.Append(c, $"cluster/{cluster.Silos}: a client of {cluster.Silos} silo process(es); its peak working set is the client's (the silos' is in /proc/PID/status)");
            if (orleans is not null) sb.Append(c, $"; cluster / embedded silo engine seconds: {cluster.EngineSeconds / orleans.EngineSeconds:N2}");
            sb.Append('\n');
        }
        foreach (var x in m.Where(x => x.Checkpoints > 0))
        {
            sb.Append(c, $"{x.Engine} checkpoints: {x.Checkpoints}, the run waited {x.SecondsPerCheckpoint:N2} s for each ({x.CheckpointOverhead:P1} of the engine's time), ");
            sb.Append(c, $"{x.CheckpointBackgroundSeconds / x.Checkpoints:N2} s each compressing and writing beside the next year, {x.CheckpointBytesPerHousehold:N0} bytes per household\n");
        }
        return sb.ToString();
    }

}
