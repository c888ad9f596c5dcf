using EcosystemSim.Engine.Engines;
using EcosystemSim.Scenarios;
using Serilog;

namespace EcosystemSim.Engine.Experiments;

/// <summary>One target's result over the seeds.</summary>
public sealed record CalibrationResult(CalibrationTarget Target, double Mean, double Sd, IReadOnlyList<double> Values)
{
    public bool Met => Target.Accepts(Mean);
}

/// <summary>
/// A scenario against published figures: the scenario from its start year to the last target's
/// year, one replication per seed on the in-process engine (the engines agree byte for byte), each
/// target read off the metric registry's rows (national unless the target names a region) and averaged over the seeds.
/// </summary>
public static class Calibrator
{
    /// <summary>The baseline against the calibration targets (<see cref="CalibrationTargets"/>).</summary>
    public static Task<IReadOnlyList<CalibrationResult>> RunAsync(Scenario baseline, int seeds, int households,
        ILogger log, CancellationToken cancellationToken) =>
        RunAsync(baseline, CalibrationTargets.All, seeds, households, log, cancellationToken);

    /// <summary>A scenario against the given targets, which must fall within its years from its start year.</summary>
    public static async Task<IReadOnlyList<CalibrationResult>> RunAsync(Scenario scenario, IReadOnlyList<CalibrationTarget> targets,
        int seeds, int households, ILogger log, CancellationToken cancellationToken)
    {
        if (targets.Any(t => t.FirstYear < scenario.StartYear))
        {
            throw new ArgumentException($"a target's year is before the start year {scenario.StartYear} of '{scenario.Name}'", nameof(targets));
        }
        int lastYear = targets.Max(t => t.Year);
        var run = scenario with { Households = households, Years = lastYear - scenario.StartYear + 1, Replications = seeds };
        // One replication at a time: calibration is the only work, and a run at the baseline's size already uses every core.
        var result = await new Experiment(EngineHost.InProcess, log).RunAsync(run, parallelism: 1, new RunObserver { ReuseRecordMemory = true }, cancellationToken);
        return targets.Select(t =>
        {
            var values = result.Replications.Select((r, k) => Value(r, t, k)).ToArray();
            double mean = values.Average();
            double sd = values.Length > 1 ? Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1)) : 0;
            return new CalibrationResult(t, mean, sd, values);
        }).ToArray();
    }

    private static double Value(RunResult run, CalibrationTarget target, int replication)
    {
        double Read(string metric, int year) => run.Metrics.Series(metric, target.Region, replication).Single(p => p.Year == year).Value;
        double At(int year) => target.Over is { } over ? Read(target.Measure, year) / Read(over, year) : Read(target.Measure, year);
        return target.From is { } from ? At(target.Year) / At(from) - 1 : At(target.Year);
    }
}
