using MathNet.Numerics.Random;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// Sobol variance-based indices by Saltelli's scheme (Saltelli et al. 2010): two independent N x k
/// samples A and B of the unit cube, and for each parameter i the matrix AB_i, A with column i taken
/// from B. First-order index S_i (the share of the output's variance that parameter i explains alone)
/// by Saltelli's 2010 estimator, mean(f(B) (f(AB_i) - f(A))) / V with f(B) centred on the mean of
/// f (a metric such as a pension of 200 yuan that moves by a few yuan would otherwise bury the
/// signal in its level); total index ST_i (its share with
/// every interaction it takes part in) by Jansen's, mean((f(A) - f(AB_i))^2) / 2V; V the variance of
/// f over A and B together. Intervals: percentile bootstrap over the N rows. The samples come from a
/// seeded Mersenne Twister (plain Monte Carlo: unbiased, and its error is what the intervals show).
/// Cost: N (k + 2) evaluations.
/// </summary>
public static class SobolMethod
{
    /// <summary>
    /// Base sample by default: 64 rows give indices to about a tenth, enough to tell the parameters
    /// that matter from those that do not at a cost of 64 (k + 2) runs; use more to rank close ones.
    /// </summary>
    public const int DefaultSamples = 64;

    public static readonly string[] Indices = ["first_order", "total"];

    /// <summary>
    /// The design, in blocks of N rows: A, then B, then AB_1 ... AB_k. Row j of A and of B are drawn
    /// together (A's k coordinates, then B's), so N rows are the first N of a larger sample.
    /// </summary>
    public static double[][] Design(int factors, int samples, int seed)
    {
        var random = new MersenneTwister(seed);
        var a = new double[samples][];
        var b = new double[samples][];
        for (int j = 0; j < samples; j++)
        {
            a[j] = Enumerable.Range(0, factors).Select(_ => random.NextDouble()).ToArray();
            b[j] = Enumerable.Range(0, factors).Select(_ => random.NextDouble()).ToArray();
        }
        var rows = new List<double[]>(samples * (factors + 2));
        rows.AddRange(a);
        rows.AddRange(b);
        for (int i = 0; i < factors; i++)
        {
            for (int j = 0; j < samples; j++)
            {
                var ab = (double[])a[j].Clone();
                ab[i] = b[j][i];
                rows.Add(ab);
            }
        }
        return [.. rows];
    }

    /// <summary>First-order and total index of each parameter for one output, with bootstrap intervals over the rows.</summary>
    public static IEnumerable<SensitivityIndex> Analyse(IReadOnlyList<double> outputs, int factors, int metric, int seed)
    {
        int n = outputs.Count / (factors + 2);
        double[] fA = outputs.Take(n).ToArray();
        double[] fB = outputs.Skip(n).Take(n).ToArray();
        for (int i = 0; i < factors; i++)
        {
            double[] fAB = outputs.Skip((2 + i) * n).Take(n).ToArray();
            double[] point = Estimate(fA, fB, fAB, Enumerable.Range(0, n).ToArray());
            var ci = SensitivityBootstrap.Intervals(n, Indices.Length, pick => Estimate(fA, fB, fAB, pick), seed + i);
            for (int s = 0; s < Indices.Length; s++) yield return new SensitivityIndex(i, metric, Indices[s], point[s], ci[s].Low, ci[s].High);
        }
    }

    /// <summary>S_i and ST_i from the rows picked (one pass: the bootstrap calls this a thousand times per parameter).</summary>
    private static double[] Estimate(double[] fA, double[] fB, double[] fAB, int[] pick)
    {
        double sum = 0, squares = 0, first = 0, change = 0, total = 0;
        foreach (int j in pick)
        {
            sum += fA[j] + fB[j];
            squares += fA[j] * fA[j] + fB[j] * fB[j];
            first += fB[j] * (fAB[j] - fA[j]);
            change += fAB[j] - fA[j];
            total += (fA[j] - fAB[j]) * (fA[j] - fAB[j]);
        }
        int n = pick.Length;
        double mean = sum / (2 * n);
        double variance = squares / (2 * n) - mean * mean;
        if (!(variance > 0)) return [double.NaN, double.NaN];
        // f(B) centred on the mean: sum (f(B) - mean) (f(AB) - f(A)). The same expectation, without the noise a large mean adds.
        return [(first - mean * change) / n / variance, total / n / (2 * variance)];
    }
}
