using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

/// <summary>
/// Each feedback loop moves the way the model says it should: the same seed, one lever changed,
/// the outcome compared (common random numbers make the difference the lever's own).
/// </summary>
public class FeedbackLoopTests
{
    [Fact]
    public async Task A_scandal_lowers_trust_and_then_enrolment()
    {
        var quiet = new ModelParameters { LocalGovernment = new LocalGovernmentParameters { MisappropriationShare = 0.05, DetectionProbability = 0 } };
        var scandal = quiet with { LocalGovernment = quiet.LocalGovernment with { DetectionProbability = 1 } };
        var before = await Runs.InProcess(quiet, 3000, 4);
        var after = await Runs.InProcess(scandal, 3000, 4);
        // Detected in 2021, the scandal breaks in 2022: trust falls that year, enrolment follows.
        Assert.Equal(before.Value("avg_trust", 2021), after.Value("avg_trust", 2021), 12);
        Assert.True(after.Value("avg_trust", 2022) < before.Value("avg_trust", 2022) - 0.05,
            $"trust {after.Value("avg_trust", 2022):F3} after a scandal, {before.Value("avg_trust", 2022):F3} without");
        Assert.True(after.Value("pension_contribution_rate", 2023) < before.Value("pension_contribution_rate", 2023) - 0.01);
        Assert.True(after.Value("medical_enrollment_rate", 2023) < before.Value("medical_enrollment_rate", 2023));
    }

    [Fact]
    public async Task A_higher_premium_lowers_medical_enrolment_among_the_young_and_healthy()
    {
        var baseline = new ModelParameters();
        var dear = baseline with
        {
            Medical = baseline.Medical with { PremiumYuan = YearSchedule.Of((2015, 360), (2021, 960), (2022, 1050), (2023, 1140)) },
        };
        var cheap = await Runs.InProcess(baseline, 3000, 2);
        var costly = await Runs.InProcess(dear, 3000, 2);
        double young = cheap.Value("medical_enrollment_rate_young_healthy", 2022) - costly.Value("medical_enrollment_rate_young_healthy", 2022);
        double all = cheap.Value("medical_enrollment_rate", 2022) - costly.Value("medical_enrollment_rate", 2022);
        Assert.True(young > 0.02, $"young and healthy enrolment fell {young:P1}");
        Assert.True(young > all, $"young and healthy fell {young:P1}, everyone {all:P1}");
    }

    [Fact]
    public async Task Publicity_raises_awareness_and_pension_contributions()
    {
        var baseline = new ModelParameters();
        var campaign = baseline with
        {
            LocalGovernment = baseline.LocalGovernment with { PublicityPerCapitaYuan = RegionValues<double>.Uniform(40) },
        };
        var before = await Runs.InProcess(baseline, 3000, 4);
        var after = await Runs.InProcess(campaign, 3000, 4);
        Assert.True(after.Value("avg_awareness", 2024) > before.Value("avg_awareness", 2024) + 0.02);
        Assert.True(after.Value("pension_contribution_rate", 2024) > before.Value("pension_contribution_rate", 2024));
    }

    [Fact]
    public async Task A_county_short_of_money_cuts_benefits_and_loses_trust()
    {
        var baseline = new ModelParameters();
        var poor = baseline with
        {
            LocalGovernment = baseline.LocalGovernment with { FiscalCapacity = RegionValues<double>.Uniform(0.005), InitialReserveYears = 0 },
        };
        var before = await Runs.InProcess(baseline, 3000, 3);
        var after = await Runs.InProcess(poor, 3000, 3);
        Assert.True(after.Value("counties_cutting_share", 2023) > 0.5);
        Assert.True(after.Value("avg_monthly_pension_yuan", 2023) < before.Value("avg_monthly_pension_yuan", 2023));
        Assert.True(after.Value("avg_trust", 2023) < before.Value("avg_trust", 2023));
    }
}
