using EcosystemSim.Reports.Metrics;

namespace EcosystemSim.Tests.Reports;

/// <summary>The inequality and poverty measures against values worked by hand, and their known properties.</summary>
public class IncomeDistributionTests
{
    private static IncomeDistribution Equal(params double[] incomes) => IncomeDistribution.Of(incomes.Select(y => (y, 1.0)));

    [Fact]
    public void Gini_of_small_vectors_by_hand()
    {
        // Pairs of 1,2,3,4: |differences| sum to 10, ordered pairs 20; 20 / (2 * 4^2 * 2.5) = 0.25.
        Assert.Equal(0.25, Equal(1, 2, 3, 4).Gini(), 14);
        // Ties and zeros: 0,0,5,5: 8 ordered pairs differ by 5; 40 / (2 * 16 * 2.5) = 0.5.
        Assert.Equal(0.5, Equal(0, 0, 5, 5).Gini(), 14);
        // Everyone equal: 0. One person has everything among n: (n - 1) / n.
        Assert.Equal(0, Equal(7, 7, 7).Gini(), 14);
        Assert.Equal(0.75, Equal(0, 0, 0, 9).Gini(), 14);
        // Weights: 1 (weight 3) and 3 (weight 1) is the population 1,1,1,3: 12 / (2 * 16 * 1.5) = 0.25.
        Assert.Equal(0.25, IncomeDistribution.Of([(1.0, 3.0), (3.0, 1.0)]).Gini(), 14);
    }

    [Fact]
    public void Theil_and_its_decomposition_by_hand()
    {
        var d = new IncomeDistribution([(1, 1, 0), (2, 1, 0), (3, 1, 1), (4, 1, 1)]);
        // (1/4) sum (y/2.5) ln(y/2.5)
        Assert.Equal(0.10644013528622318, d.TheilT(), 14);
        // Groups {1,2} (mean 1.5, income share 0.3) and {3,4} (mean 3.5, share 0.7).
        double between = 0.3 * Math.Log(1.5 / 2.5) + 0.7 * Math.Log(3.5 / 2.5);
        double within = 0.3 * (((1 / 1.5) * Math.Log(1 / 1.5) + (2 / 1.5) * Math.Log(2 / 1.5)) / 2)
                        + 0.7 * (((3 / 3.5) * Math.Log(3 / 3.5) + (4 / 3.5) * Math.Log(4 / 3.5)) / 2);
        var (b, w) = d.TheilDecomposition();
        Assert.Equal(between, b, 14);
        Assert.Equal(within, w, 14);
        // A zero income contributes 0 ln 0 = 0.
        Assert.Equal((2 * Math.Log(2)) / 2, Equal(0, 2).TheilT(), 14);
    }

    [Fact]
    public void Theil_decomposition_sums_exactly_to_the_total()
    {
        var random = new Random(3);
        var observations = Enumerable.Range(0, 2000)
            .Select(i => (Math.Exp(random.NextDouble() * 4), 1 + random.Next(5) * 1.0, random.Next(4))).ToArray();
        var d = new IncomeDistribution(observations);
        var (between, within) = d.TheilDecomposition();
        Assert.Equal(d.TheilT(), between + within, 12);
        Assert.True(between > 0 && within > 0);
    }

    [Fact]
    public void Atkinson_by_hand()
    {
        var d = Equal(1, 4);
        Assert.Equal(1 - 2.25 / 2.5, d.Atkinson(0.5), 14); // (mean of sqrt)^2 = 1.5^2
        Assert.Equal(1 - 2 / 2.5, d.Atkinson(1), 14);      // geometric mean 2
        Assert.Equal(1 - 1.6 / 2.5, d.Atkinson(2), 14);    // harmonic mean 1.6
        Assert.Equal(1, Equal(0, 4).Atkinson(1), 14);
        Assert.Equal(0, Equal(3, 3).Atkinson(2), 14);
    }

    [Fact]
    public void Quintile_means_group_a_fifth_of_households_as_NBS_does()
    {
        // Ten households, per-capita incomes 1..10, the two poorest with four members, the rest with one.
        var d = IncomeDistribution.Of(Enumerable.Range(1, 10).Select(y => ((double)y, y <= 2 ? 4.0 : 1.0)));
        Assert.Equal((4 * 1 + 4 * 2) / 8.0, d.ObservationQuintileMean(1), 12);
        Assert.Equal(3.5, d.ObservationQuintileMean(2), 12);
        Assert.Equal(9.5, d.ObservationQuintileMean(5), 12);
        // The five means average above the mean over persons (64 / 16 = 4): poorer households are larger.
        Assert.Equal(4, d.Mean, 12);
        Assert.True(Enumerable.Range(1, 5).Average(d.ObservationQuintileMean) > d.Mean);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.ObservationQuintileMean(6));
    }

    [Fact]
    public void Lorenz_quintile_shares_and_palma_by_hand()
    {
        var d = Equal(1, 2, 3, 4, 10);
        Assert.Equal([0.05, 0.10, 0.15, 0.20, 0.50], Enumerable.Range(1, 5).Select(q => Math.Round(d.QuintileShare(q), 12)));
        // Top 10%: half of the richest person (5 of 20); bottom 40%: 1 + 2 = 3 of 20.
        Assert.Equal(0.25 / 0.15, d.Palma(), 12);
        // Between observations the curve is linear: the poorest 10% is half of the first person.
        Assert.Equal(0.025, d.Lorenz(0.1), 14);
        Assert.Equal(0, d.Lorenz(0));
        Assert.Equal(1, d.Lorenz(1), 14);
        var points = d.LorenzPoints(10);
        Assert.Equal(11, points.Count);
        Assert.Equal((1.0, 1.0), points[^1]);
    }

    [Fact]
    public void Poverty_indices_by_hand()
    {
        var d = Equal(2, 5, 10, 20);
        Assert.Equal(0.5, d.Fgt(10, 0), 14);                    // 10 is not below the line
        Assert.Equal((0.8 + 0.5) / 4, d.Fgt(10, 1), 14);
        Assert.Equal((0.64 + 0.25) / 4, d.Fgt(10, 2), 14);
        Assert.Equal(0, d.Fgt(1, 1), 14);
        // Weights: the person at 2 counts three times.
        var weighted = IncomeDistribution.Of([(2.0, 3.0), (20.0, 1.0)]);
        Assert.Equal(0.75, weighted.Fgt(10, 0), 14);
        Assert.Equal(0.75 * 0.8, weighted.Fgt(10, 1), 14);
    }

    private static readonly string[] MeasureNames = ["gini", "theil", "atkinson_0_5", "atkinson_1", "atkinson_2", "palma", "q1", "q5"];

    public static TheoryData<string> Measures() => [.. MeasureNames];

    private static double Measure(IncomeDistribution d, string name) => name switch
    {
        "gini" => d.Gini(),
        "theil" => d.TheilT(),
        "atkinson_0_5" => d.Atkinson(0.5),
        "atkinson_1" => d.Atkinson(1),
        "atkinson_2" => d.Atkinson(2),
        "palma" => d.Palma(),
        "q1" => d.QuintileShare(1),
        _ => d.QuintileShare(5),
    };

    private static (double, double)[] Sample(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 500).Select(_ => (Math.Round(Math.Exp(random.NextDouble() * 5), 1), 1.0 + random.Next(4))).ToArray();
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Relative_measures_are_scale_invariant(string measure)
    {
        var sample = Sample(1);
        double original = Measure(IncomeDistribution.Of(sample), measure);
        double scaled = Measure(IncomeDistribution.Of(sample.Select(o => (o.Item1 * 7.5, o.Item2))), measure);
        Assert.Equal(original, scaled, 12);
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Measures_are_invariant_to_replicating_the_population_or_scaling_weights(string measure)
    {
        var sample = Sample(2);
        double original = Measure(IncomeDistribution.Of(sample), measure);
        Assert.Equal(original, Measure(IncomeDistribution.Of(sample.Concat(sample)), measure), 12);
        Assert.Equal(original, Measure(IncomeDistribution.Of(sample.Select(o => (o.Item1, o.Item2 * 3))), measure), 12);
        // A weight of k is k copies of weight 1.
        var copies = sample.SelectMany(o => Enumerable.Repeat((o.Item1, 1.0), (int)o.Item2));
        Assert.Equal(original, Measure(IncomeDistribution.Of(copies), measure), 12);
    }

    [Fact]
    public void Gini_equals_the_pairwise_definition_and_one_minus_the_trapezoids_under_the_lorenz_curve()
    {
        var sample = Sample(4);
        double w = sample.Sum(o => o.Item2), mu = sample.Sum(o => o.Item1 * o.Item2) / w, pairs = 0;
        foreach (var (yi, wi) in sample)
        {
            foreach (var (yj, wj) in sample) pairs += wi * wj * Math.Abs(yi - yj);
        }
        var d = IncomeDistribution.Of(sample);
        Assert.Equal(pairs / (2 * w * w * mu), d.Gini(), 12);
        // Trapezoids between the Lorenz points at each observation.
        var sorted = sample.OrderBy(o => o.Item1).ToArray();
        double cumulativeW = 0, cumulativeY = 0, area = 0, totalY = sample.Sum(o => o.Item1 * o.Item2);
        foreach (var (y, wt) in sorted)
        {
            double before = cumulativeY / totalY;
            cumulativeW += wt;
            cumulativeY += y * wt;
            area += wt / w * (before + cumulativeY / totalY);
        }
        Assert.Equal(1 - area, d.Gini(), 12);
    }

    [Fact]
    public void The_order_of_the_input_does_not_matter()
    {
        var sample = Sample(5);
        var shuffled = sample.OrderBy(_ => Guid.NewGuid()).ToArray();
        foreach (string m in MeasureNames)
        {
            Assert.Equal(Measure(IncomeDistribution.Of(sample), m), Measure(IncomeDistribution.Of(shuffled), m), 12);
        }
    }

    [Fact]
    public void Bad_weights_are_refused()
    {
        Assert.Throws<ArgumentException>(() => IncomeDistribution.Of([(1.0, 0.0)]));
        Assert.Throws<ArgumentException>(() => IncomeDistribution.Of([(double.NaN, 1.0)]));
        Assert.True(double.IsNaN(IncomeDistribution.Of([]).Gini()));
    }
}
