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
    public static async Task<int> ExecuteAsync(int households, int years, bool json, string engines, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        int checkpointEvery = 0)
    {
        Scenario scenario;
        try
        {
            if (years is < 1 or > 200) throw new UsageException($"--years: {years} is out of range: must be between 1 and 200");
            if (checkpointEvery is < 0 or > CheckpointOptions.MaxEvery) throw new UsageException($"--checkpoint-every: {checkpointEvery} is out of range: must be between 1 and {CheckpointOptions.MaxEvery} years");
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
                measurements.Add(await Bench.MeasureAsync(kind, scenario, log, cancellationToken, checkpointEvery));
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
        foreach (var x in m.Where(x => x.Checkpoints > 0))
        {
            json[$"{x.Engine}_checkpoints"] = x.Checkpoints;
            json[$"{x.Engine}_seconds_per_checkpoint"] = Math.Round(x.SecondsPerCheckpoint, 3);
            json[$"{x.Engine}_checkpoint_bytes_per_household"] = Round(x.CheckpointBytesPerHousehold);
            json[$"{x.Engine}_checkpoint_overhead"] = Math.Round(x.CheckpointOverhead, 4);
            json[$"{x.Engine}_checkpoint_background_seconds"] = Math.Round(x.CheckpointBackgroundSeconds, 3);
        }
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
        foreach (var x in m.Where(x => x.Checkpoints > 0))
        {
            sb.Append(c, $"{x.Engine} checkpoints: {x.Checkpoints}, the run waited {x.SecondsPerCheckpoint:N2} s for each ({x.CheckpointOverhead:P1} of the engine's time), ");
            sb.Append(c, $"{x.CheckpointBackgroundSeconds / x.Checkpoints:N2} s each compressing and writing beside the next year, {x.CheckpointBytesPerHousehold:N0} bytes per household\n");
        }
        return sb.ToString();
    }

}
