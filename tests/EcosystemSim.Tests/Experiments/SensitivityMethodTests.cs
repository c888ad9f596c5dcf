using EcosystemSim.Engine.Experiments;

namespace EcosystemSim.Tests.Experiments;

/// <summary>
/// The numerical core of `ecosim sensitivity` on published test functions with known indices: the
/// Ishigami function (a = 7, b = 0.1; Ishigami and Homma 1990) and the Sobol G function (Saltelli and
/// Sobol 1995), whose first-order and total indices are analytic.
/// </summary>
public class SensitivityMethodTests
{
    private const double A = 7, B = 0.1;

    /// <summary>Ishigami on the unit cube: each x_i uniform on [-pi, pi].</summary>
    private static double Ishigami(double[] u)
    {
        double x1 = Scale(u[0]), x2 = Scale(u[1]), x3 = Scale(u[2]);
        return Math.Sin(x1) + A * Math.Sin(x2) * Math.Sin(x2) + B * Math.Pow(x3, 4) * Math.Sin(x1);

        static double Scale(double v) => -Math.PI + 2 * Math.PI * v;
    }

    /// <summary>Ishigami's analytic indices: V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V13 = 8 b^2 pi^8 / 225.</summary>
    private static (double[] First, double[] Total) IshigamiIndices()
    {
        double v1 = Math.Pow(1 + B * Math.Pow(Math.PI, 4) / 5, 2) / 2, v2 = A * A / 8, v13 = 8 * B * B * Math.Pow(Math.PI, 8) / 225;
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    private static readonly double[] GCoefficients = [0, 1, 4.5, 9, 99, 99, 99, 99];

    private static double G(double[] u) => u.Select((x, i) => (Math.Abs(4 * x - 2) + GCoefficients[i]) / (1 + GCoefficients[i])).Aggregate(1.0, (p, f) => p * f);

    /// <summary>G's analytic indices: V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1, ST_i = V_i prod_{j != i}(1 + V_j) / V.</summary>
    private static (double[] First, double[] Total) GIndices()
    {
        double[] vi = GCoefficients.Select(a => 1 / (3 * (1 + a) * (1 + a))).ToArray();
        double product = vi.Aggregate(1.0, (p, v) => p * (1 + v));
        double total = product - 1;
        return (vi.Select(v => v / total).ToArray(), vi.Select(v => v * product / (1 + v) / total).ToArray());
    }

    private static Dictionary<(int, string), SensitivityIndex> Sobol(Func<double[], double> f, int factors, int samples, int seed = 1)
    {
        var design = SobolMethod.Design(factors, samples, seed);
        return SobolMethod.Analyse(design.Select(f).ToArray(), factors, 0, seed).ToDictionary(x => (x.Parameter, x.Index));
    }

    private static Dictionary<(int, string), SensitivityIndex> Morris(Func<double[], double> f, int factors, int trajectories, int levels, int seed = 1)
    {
        var design = MorrisMethod.Design(factors, trajectories, levels, seed);
        return MorrisMethod.Analyse(design, design.Select(f).ToArray(), factors, 0, seed).ToDictionary(x => (x.Parameter, x.Index));
    }

    [Fact]
    public void Sobol_recovers_the_Ishigami_indices_and_their_ranking()
    {
        var (first, total) = IshigamiIndices();
        Assert.Equal([0.3139, 0.4424, 0], first.Select(x => Math.Round(x, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], total.Select(x => Math.Round(x, 4)));
        var s = Sobol(Ishigami, 3, 8192);
        for (int i = 0; i < 3; i++)
        {
            Assert.InRange(s[(i, "first_order")].Value, first[i] - 0.04, first[i] + 0.04);
            Assert.InRange(s[(i, "total")].Value, total[i] - 0.04, total[i] + 0.04);
            // The bootstrap intervals cover the true values.
            Assert.InRange(first[i], s[(i, "first_order")].CiLow, s[(i, "first_order")].CiHigh);
            Assert.InRange(total[i], s[(i, "total")].CiLow, s[(i, "total")].CiHigh);
        }
        // Known ranking: by total x1 > x2 > x3; alone x2 > x1 and x3 nothing.
        Assert.True(s[(0, "total")].Value > s[(1, "total")].Value && s[(1, "total")].Value > s[(2, "total")].Value);
        Assert.True(s[(1, "first_order")].Value > s[(0, "first_order")].Value && s[(0, "first_order")].Value > s[(2, "first_order")].Value);
    }

    [Fact]
    public void Sobol_recovers_the_G_function_indices()
    {
        var (first, total) = GIndices();
        var s = Sobol(G, GCoefficients.Length, 4096);
        for (int i = 0; i < GCoefficients.Length; i++)
        {
            Assert.InRange(s[(i, "first_order")].Value, first[i] - 0.03, first[i] + 0.03);
            Assert.InRange(s[(i, "total")].Value, total[i] - 0.03, total[i] + 0.03);
        }
        // The ranking follows the coefficients: the smaller a_i, the more important x_i.
        for (int i = 0; i < 3; i++) Assert.True(s[(i, "total")].Value > s[(i + 1, "total")].Value, $"x{i + 1} before x{i + 2}");
    }

    [Fact]
    public void Morris_screens_Ishigami_x1_and_x2_above_x3_whose_effect_is_all_interaction()
    {
        var m = Morris(Ishigami, 3, 200, 4);
        double mu1 = m[(0, "mu_star")].Value, mu2 = m[(1, "mu_star")].Value, mu3 = m[(2, "mu_star")].Value;
        Assert.True(mu1 > mu3 && mu2 > mu3, $"mu*: {mu1} {mu2} {mu3}");
        // x2 enters as sin^2: on the p = 4 grid every step of x2 changes f by a 0.75 = 5.25, up or down, so |EE| = 5.25 / (2/3) = 7.875
        // whatever the other parameters, and its signed mean is near 0 (non-monotone: as many steps up as down).
        Assert.Equal(7.875, mu2, 9);
        Assert.InRange(m[(1, "mu")].Value, -2, 2);
        // x3 acts only through its product with sin(x1): its effects change sign with x1, so sigma exceeds mu*.
        Assert.True(m[(2, "sigma")].Value > mu3, $"sigma3 {m[(2, "sigma")].Value} mu*3 {mu3}");
    }

    [Fact]
    public void Morris_ranks_the_G_function_parameters_by_their_coefficients()
    {
        var m = Morris(G, GCoefficients.Length, 50, 4);
        for (int i = 0; i < 3; i++) Assert.True(m[(i, "mu_star")].Value > m[(i + 1, "mu_star")].Value, $"x{i + 1} before x{i + 2}");
        for (int i = 4; i < GCoefficients.Length; i++) Assert.True(m[(i, "mu_star")].Value < 0.05 * m[(0, "mu_star")].Value, $"x{i + 1} negligible");
    }

    [Fact]
    public void A_Morris_trajectory_moves_one_parameter_at_a_time_by_delta_on_the_grid()
    {
        var design = MorrisMethod.Design(5, 3, 6, 7);
        Assert.Equal(3 * 6, design.Length);
        double delta = MorrisMethod.Delta(6);
        for (int row = 0; row < design.Length; row++)
        {
            Assert.All(design[row], x => Assert.Equal(0, Math.Round(x * 5, 9) % 1, 9));
            if (row % 6 == 0) continue;
            var moved = Enumerable.Range(0, 5).Where(i => design[row][i] != design[row - 1][i]).ToArray();
            Assert.Equal(Math.Abs(design[row][Assert.Single(moved)] - design[row - 1][moved[0]]), delta, 9);
        }
    }

    [Fact]
    public void The_same_inputs_give_the_same_designs_and_indices_and_another_seed_another_design()
    {
        Assert.Equal(MorrisMethod.Design(4, 5, 4, 3), MorrisMethod.Design(4, 5, 4, 3));
        Assert.Equal(SobolMethod.Design(4, 16, 3), SobolMethod.Design(4, 16, 3));
        Assert.NotEqual(SobolMethod.Design(4, 16, 3), SobolMethod.Design(4, 16, 4));
        Assert.Equal(Sobol(G, 8, 128).Values, Sobol(G, 8, 128).Values);
        Assert.Equal(Morris(Ishigami, 3, 10, 4).Values, Morris(Ishigami, 3, 10, 4).Values);
        // A Sobol design of N rows is the start of one of 2N: A and B rows are drawn together.
        var small = SobolMethod.Design(3, 8, 5);
        var large = SobolMethod.Design(3, 16, 5);
        Assert.Equal(small.Take(8), large.Take(8));
        Assert.Equal(small.Skip(8).Take(8), large.Skip(16).Take(8));
    }
}
