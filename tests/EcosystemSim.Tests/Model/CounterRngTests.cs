using EcosystemSim.Model.Random;

namespace EcosystemSim.Tests.Model;

public class CounterRngTests
{
    [Fact]
    public void A_draw_does_not_depend_on_the_order_in_which_draws_are_taken()
    {
        var rng = new Rng(42, Entity.Household(7), 2021, RngStream.PensionTier);
        double[] forward = Enumerable.Range(0, 50).Select(i => rng.Uniform((uint)i)).ToArray();
        double[] backward = Enumerable.Range(0, 50).Reverse().Select(i => rng.Uniform((uint)i)).Reverse().ToArray();
        var fresh = new Rng(42, Entity.Household(7), 2021, RngStream.PensionTier);
        Assert.Equal(forward, backward);
        Assert.Equal(forward[17], fresh.Uniform(17));
    }

    [Fact]
    public void Every_key_component_changes_the_numbers()
    {
        double Draw(ulong seed, ulong entity, int year, RngStream stream) => new Rng(seed, entity, year, stream).Uniform(0);
        double baseline = Draw(1, Entity.Household(1), 2021, RngStream.IncomeTransitory);
        Assert.NotEqual(baseline, Draw(2, Entity.Household(1), 2021, RngStream.IncomeTransitory));
        Assert.NotEqual(baseline, Draw(1, Entity.Household(2), 2021, RngStream.IncomeTransitory));
        Assert.NotEqual(baseline, Draw(1, Entity.Member(1, 0), 2021, RngStream.IncomeTransitory));
        Assert.NotEqual(baseline, Draw(1, Entity.Household(1), 2022, RngStream.IncomeTransitory));
        Assert.NotEqual(baseline, Draw(1, Entity.Household(1), 2021, RngStream.IncomePersistent));
    }

    [Fact]
    public void Uniform_draws_have_the_moments_of_a_uniform_and_streams_are_uncorrelated()
    {
        const int n = 200_000;
        double sum = 0, sumSq = 0, cross = 0;
        for (int i = 0; i < n; i++)
        {
            double a = new Rng(9, Entity.Household(i), 2030, RngStream.PensionParticipation).Uniform(0);
            double b = new Rng(9, Entity.Household(i), 2030, RngStream.PensionTier).Uniform(0);
            sum += a;
            sumSq += a * a;
            cross += (a - 0.5) * (b - 0.5);
        }
        double mean = sum / n, variance = sumSq / n - mean * mean, correlation = cross / n * 12;
        Assert.InRange(mean, 0.5 - 0.004, 0.5 + 0.004);
        Assert.InRange(variance, 1 / 12.0 - 0.002, 1 / 12.0 + 0.002);
        Assert.InRange(correlation, -0.01, 0.01);
    }

    [Fact]
    public void Uniform_draws_fill_ten_bins_evenly()
    {
        const int n = 100_000;
        var bins = new int[10];
        var rng = new Rng(3, Entity.Nation, 0, RngStream.MemberAge);
        for (uint i = 0; i < n; i++) bins[(int)(rng.Uniform(i) * 10)]++;
        double chiSquare = bins.Sum(b => Math.Pow(b - n / 10.0, 2) / (n / 10.0));
        Assert.True(chiSquare < 27.9, $"chi-square {chiSquare:F1} with 9 degrees of freedom (p < 0.001 beyond 27.9)");
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963985)]
    [InlineData(0.025, -1.959963985)]
    [InlineData(0.001, -3.090232306)]
    [InlineData(0.8413447461, 1.0)]
    public void Normal_quantile_matches_tabulated_values(double p, double z) =>
        Assert.Equal(z, Distributions.NormalQuantile(p), 6);

    [Fact]
    public void Categorical_draws_follow_the_weights()
    {
        double[] cumulative = [0.1, 0.4, 1.0];
        var counts = new int[3];
        var rng = new Rng(5, Entity.Nation, 0, RngStream.HouseholdSize);
        for (uint i = 0; i < 60_000; i++) counts[rng.Categorical(i, cumulative)]++;
        Assert.InRange(counts[0] / 60_000.0, 0.09, 0.11);
        Assert.InRange(counts[1] / 60_000.0, 0.29, 0.31);
        Assert.InRange(counts[2] / 60_000.0, 0.59, 0.61);
    }
}
