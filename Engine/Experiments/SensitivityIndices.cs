using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace EcosystemSim.Engine.Experiments;

/// <summary>The two methods of `ecosim sensitivity`.</summary>
public enum SensitivityMethod
{
    /// <summary>Morris elementary effects: mu, mu* and sigma per parameter; cheap screening (r (k + 1) runs).</summary>
    Morris,

    /// <summary>Sobol variance-based indices (Saltelli sampling): first-order and total; N (k + 2) runs.</summary>
    Sobol,
}

/// <summary>One index of one parameter for one metric, with its bootstrap 95% interval.</summary>
/// <param name="Parameter">The parameter's position in the analysis.</param>
/// <param name="Metric">The metric's position in the analysis.</param>
/// <param name="Index">mu, mu_star, sigma (Morris); first_order, total (Sobol).</param>
/// <param name="Value">The index's estimate.</param>
/// <param name="CiLow">Low end of its bootstrap 95% interval.</param>
/// <param name="CiHigh">High end of its bootstrap 95% interval.</param>
public sealed record SensitivityIndex(int Parameter, int Metric, string Index, double Value, double CiLow, double CiHigh);

/// <summary>
/// Percentile bootstrap intervals for statistics of a sample of independent units (Morris
/// trajectories, Sobol base rows): the units are resampled with replacement from a seeded Mersenne
/// Twister, so the same inputs give the same intervals.
/// </summary>
public static class SensitivityBootstrap
{
    /// <summary>Resamples: enough for the 2.5% and 97.5% percentiles to be stable to about a hundredth of the interval.</summary>
    public const int Resamples = 1000;

    /// <summary>Coverage of every interval (as the program's other intervals).</summary>
    public const double Level = 0.95;

    /// <summary>
    /// For each statistic <paramref name="statistics"/> returns from a resample (the units' indices),
    /// the percentile interval over <see cref="Resamples"/> resamples; NaN ends when no resample is finite.
    /// </summary>
    public static (double Low, double High)[] Intervals(int units, int statisticCount, Func<int[], double[]> statistics, int seed)
    {
        var random = new MersenneTwister(seed);
        var draws = new double[statisticCount][];
        for (int s = 0; s < statisticCount; s++) draws[s] = new double[Resamples];
        var pick = new int[units];
        for (int b = 0; b < Resamples; b++)
        {
            for (int u = 0; u < units; u++) pick[u] = random.Next(units);
            double[] values = statistics(pick);
            for (int s = 0; s < statisticCount; s++) draws[s][b] = values[s];
        }
        return draws.Select(d =>
        {
            var finite = d.Where(double.IsFinite).ToArray();
            if (finite.Length == 0) return (double.NaN, double.NaN);
            Array.Sort(finite);
            return (SortedArrayStatistics.Quantile(finite, (1 - Level) / 2), SortedArrayStatistics.Quantile(finite, (1 + Level) / 2));
        }).ToArray();
    }
}
