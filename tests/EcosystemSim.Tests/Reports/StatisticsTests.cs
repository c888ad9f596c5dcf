using EcosystemSim.Reports.Metrics;

namespace EcosystemSim.Tests.Reports;

public class StatisticsTests
{
    [Theory]
    [InlineData(1, 12.7062047362)]
    [InlineData(2, 4.3026527297)]
    [InlineData(4, 2.7764451052)]
    [InlineData(9, 2.2621571628)]
    [InlineData(29, 2.0452296421)]
    [InlineData(1000, 1.9623390808)]
    public void The_t_quantiles_match_the_tables(double df, double expected)
    {
        Assert.Equal(expected, Statistics.TQuantile(0.975, df), 8);
        Assert.Equal(-expected, Statistics.TQuantile(0.025, df), 8);
        Assert.Equal(0.975, Statistics.TCdf(expected, df), 10);
    }

    [Fact]
    public void The_log_gamma_and_the_incomplete_beta_have_their_known_values()
    {
        Assert.Equal(Math.Log(24), Statistics.LogGamma(5), 12);
        Assert.Equal(0.5 * Math.Log(Math.PI), Statistics.LogGamma(0.5), 12);
        Assert.Equal(0.5, Statistics.RegularizedBeta(0.5, 3, 3), 12);
        Assert.Equal(1 - Math.Pow(0.7, 4), Statistics.RegularizedBeta(0.3, 1, 4), 12); // I_x(1, b) = 1 - (1 - x)^b
    }

    [Fact]
    public void A_sample_is_summarised_with_a_t_interval_and_missing_values_left_out()
    {
        var s = Statistics.Summarise([1.0, 2, 3, 4, 5, double.NaN]);
        Assert.Equal(5, s.N);
        Assert.Equal(3, s.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), s.Sd, 12);
        double half = 2.7764451052 * Math.Sqrt(2.5) / Math.Sqrt(5);
        Assert.Equal(3 - half, s.CiLow, 8);
        Assert.Equal(3 + half, s.CiHigh, 8);
        var one = Statistics.Summarise([7.0]);
        Assert.Equal((7.0, 1), (one.Mean, one.N));
        Assert.True(double.IsNaN(one.Sd) && double.IsNaN(one.CiLow));
        Assert.Equal(0, Statistics.Summarise([double.NaN]).N);
    }

    [Fact]
    public void Paired_intervals_are_narrower_than_welch_intervals_when_the_pairs_move_together()
    {
        // Replication effects shared by baseline and reform: pairing removes them.
        double[] baseline = [10, 14, 9, 13, 11, 15];
        double[] reform = baseline.Select((b, i) => b + 1 + (i % 2 == 0 ? 0.1 : -0.1)).ToArray();
        var paired = Statistics.Summarise(reform.Zip(baseline, (r, b) => r - b).ToArray());
        var (low, high) = Statistics.WelchInterval(Statistics.Summarise(baseline), Statistics.Summarise(reform));
        Assert.Equal(1, paired.Mean, 12);
        Assert.True(paired.CiHigh - paired.CiLow < (high - low) / 10);
        Assert.True(low < 1 && high > 1);
    }
}
