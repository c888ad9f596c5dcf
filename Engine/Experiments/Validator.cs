using EcosystemSim.Scenarios;
using Serilog;

namespace EcosystemSim.Engine.Experiments;

/// <summary>What docs/validation.md reports: the calibration targets and the backtest's figures, at one size.</summary>
/// <param name="Baseline">The scenario the calibration targets are read from.</param>
/// <param name="Backtest">The scenario started in 2016 that the backtest figures are read from.</param>
/// <param name="Seeds">Replications (one per seed) each figure is averaged over.</param>
/// <param name="Households">Simulated households of every run.</param>
/// <param name="Calibration">The baseline against <see cref="CalibrationTargets.All"/>.</param>
/// <param name="BacktestResults">The backtest against <see cref="BacktestTargets.All"/>.</param>
public sealed record ValidationResults(Scenario Baseline, Scenario Backtest, int Seeds, int Households,
    IReadOnlyList<CalibrationResult> Calibration, IReadOnlyList<CalibrationResult> BacktestResults)
{
    /// <summary>Every result, the calibration's first.</summary>
    public IEnumerable<CalibrationResult> All => Calibration.Concat(BacktestResults);

    /// <summary>Whether every required figure is within its accepted range.</summary>
    public bool RequiredMet => All.All(r => r.Met || !r.Target.Required);
}

/// <summary>
/// The model against every published figure it is checked with (issue 16, items 4 and 5): the
/// baseline from its start year against the calibration targets, then the backtest from 2016
/// against the figures of 2016-2021, both with the same seeds and size.
/// </summary>
public static class Validator
{
    public static async Task<ValidationResults> RunAsync(Scenario baseline, Scenario backtest, int seeds, int households,
        ILogger log, CancellationToken cancellationToken)
    {
        var calibration = await Calibrator.RunAsync(baseline, CalibrationTargets.All, seeds, households, log, cancellationToken);
        var results = await Calibrator.RunAsync(backtest, BacktestTargets.All, seeds, households, log, cancellationToken);
        return new ValidationResults(baseline, backtest, seeds, households, calibration, results);
    }
}
