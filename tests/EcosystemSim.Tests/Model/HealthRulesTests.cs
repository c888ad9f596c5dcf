using EcosystemSim.Model.Health;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;

namespace EcosystemSim.Tests.Model;

public class HealthRulesTests
{
    private static readonly HealthParameters Defaults = new();

    [Theory]
    [InlineData(55, 0.35)]
    [InlineData(35, 0.1169)] // logistic(logit(0.35) - 1.4)
    [InlineData(75, 0.6857)] // logistic(logit(0.35) + 1.4)
    public void Chronic_prevalence_is_logistic_in_age(int age, double expected) =>
        Assert.Equal(expected, HealthRules.ChronicPrevalence(Defaults, age), 3);

    [Fact]
    public void Onset_keeps_a_cohort_on_the_prevalence_curve()
    {
        const int n = 100_000;
        int chronic = 0;
        for (int i = 0; i < n; i++)
        {
            bool ill = new Rng(1, Entity.Member(i, 0), 0, RngStream.InitialChronic).Uniform(0) < HealthRules.ChronicPrevalence(Defaults, 50);
            for (int age = 50; age < 60 && !ill; age++)
            {
                ill = new Rng(1, Entity.Member(i, 0), age, RngStream.ChronicOnset).Uniform(0) < HealthRules.OnsetProbability(Defaults, age);
            }
            if (ill) chronic++;
        }
        Assert.InRange(chronic / (double)n, HealthRules.ChronicPrevalence(Defaults, 60) - 0.006, HealthRules.ChronicPrevalence(Defaults, 60) + 0.006);
    }

    [Fact]
    public void Admission_rates_rise_with_age_and_chronic_illness()
    {
        Assert.Equal(0.13, HealthRules.AdmissionRate(Defaults, 45, false), 12);
        Assert.Equal(0.26, HealthRules.AdmissionRate(Defaults, 45, true), 12);
        Assert.Equal(0.13 * Math.Exp(0.025 * 25), HealthRules.AdmissionRate(Defaults, 70, false), 12);
        Assert.Equal(0.08, HealthRules.AdmissionRate(Defaults, 5, false), 12);
    }

    [Fact]
    public void Poisson_counts_have_the_rate_as_mean_and_respect_the_cap()
    {
        var rng = new Rng(2, Entity.Nation, 0, RngStream.Admissions);
        double mean = Enumerable.Range(0, 200_000).Average(i => HealthRules.PoissonCount(0.3, rng.Uniform((uint)i), 6));
        Assert.InRange(mean, 0.295, 0.305);
        Assert.Equal(2, HealthRules.PoissonCount(5, 0.999999, 2));
        Assert.Equal(0, HealthRules.PoissonCount(0.3, 0.5, 6));
    }

    [Fact]
    public void Log_normal_costs_have_the_given_mean()
    {
        var rng = new Rng(3, Entity.Nation, 0, RngStream.AdmissionCost);
        double mean = Enumerable.Range(0, 400_000).Average(i => HealthRules.LogNormal(7000, 1.0, rng.Normal((uint)i)));
        Assert.InRange(mean, 7000 * 0.98, 7000 * 1.02);
    }
}
