using MathNet.Numerics;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// Morris's elementary effects (Morris 1991, with mu* of Campolongo, Cariboni and Saltelli 2007). A
/// trajectory starts at a random point of a p-level grid in the unit cube and moves one parameter at a
/// time, in random order, by Delta = p / (2 (p - 1)); the elementary effect of a parameter is the change
/// in the output over that step, divided by Delta (so it is in the output's unit per whole range). Over
/// r trajectories: mu (mean effect; signs may cancel), mu* (mean absolute effect: importance) and sigma
/// (standard deviation: interactions or curvature). Cost: r (k + 1) evaluations for k parameters.
/// </summary>
public static class MorrisMethod
{
    /// <summary>Grid levels by default: p = 4 with Delta = 2/3, the choice Saltelli et al. (2008, ch. 3) recommend.</summary>
    public const int DefaultLevels = 4;

    /// <summary>Trajectories by default: 10 is the usual screening size (Saltelli et al. 2008: r of 4 to 10; Campolongo et al. 2007: 10 suffices to rank).</summary>
    public const int DefaultTrajectories = 10;

    public static readonly string[] Indices = ["mu", "mu_star", "sigma"];

    /// <summary>The step, in units of each parameter's range.</summary>
    public static double Delta(int levels) => levels / (2.0 * (levels - 1));

    /// <summary>
    /// The design: <paramref name="trajectories"/> trajectories of k + 1 points each, trajectory t's
    /// points in rows t (k + 1) ... t (k + 1) + k, coordinates in [0, 1]. Levels must be even.
    /// </summary>
    public static double[][] Design(int factors, int trajectories, int levels, int seed)
    {
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), levels, "Morris levels must be even and at least 2");
        var random = new MersenneTwister(seed);
        double delta = Delta(levels);
        int bases = levels / 2;
        var points = new List<double[]>(trajectories * (factors + 1));
        for (int t = 0; t < trajectories; t++)
        {
            // Each parameter moves between a base level b and b + Delta, up or down at random.
            var start = new double[factors];
            var end = new double[factors];
            for (int i = 0; i < factors; i++)
            {
                double b = random.Next(bases) / (double)(levels - 1);
                bool down = random.NextDouble() < 0.5;
                start[i] = down ? b + delta : b;
                end[i] = down ? b : b + delta;
            }
            int[] order = Combinatorics.GeneratePermutation(factors, random);
            var x = (double[])start.Clone();
            points.Add((double[])x.Clone());
            foreach (int i in order)
            {
                x[i] = end[i];
                points.Add((double[])x.Clone());
            }
        }
        return [.. points];
    }

    /// <summary>The elementary effects of a design's outputs: [parameter][trajectory].</summary>
    public static double[][] Effects(double[][] design, IReadOnlyList<double> outputs, int factors)
    {
        int trajectories = design.Length / (factors + 1);
        var effects = new double[factors][];
        for (int i = 0; i < factors; i++) effects[i] = new double[trajectories];
        for (int t = 0; t < trajectories; t++)
        {
            for (int s = 1; s <= factors; s++)
            {
                int row = t * (factors + 1) + s;
                int i = 0;
                while (design[row][i] == design[row - 1][i]) i++;
                effects[i][t] = (outputs[row] - outputs[row - 1]) / (design[row][i] - design[row - 1][i]);
            }
        }
        return effects;
    }

    /// <summary>mu, mu* and sigma of each parameter for one output, with bootstrap intervals over trajectories.</summary>
    public static IEnumerable<SensitivityIndex> Analyse(double[][] design, IReadOnlyList<double> outputs, int factors, int metric, int seed)
    {
        var effects = Effects(design, outputs, factors);
        for (int i = 0; i < factors; i++)
        {
            double[] ee = effects[i];
            double[] point = Statistics(ee, Enumerable.Range(0, ee.Length).ToArray());
            var ci = SensitivityBootstrap.Intervals(ee.Length, Indices.Length, pick => Statistics(ee, pick), seed + i);
            for (int s = 0; s < Indices.Length; s++) yield return new SensitivityIndex(i, metric, Indices[s], point[s], ci[s].Low, ci[s].High);
        }
    }

    private static double[] Statistics(double[] ee, int[] pick)
    {
        var sample = pick.Select(t => ee[t]).ToArray();
        return [sample.Mean(), sample.Select(Math.Abs).Mean(), sample.Length > 1 ? sample.StandardDeviation() : double.NaN];
    }
}
