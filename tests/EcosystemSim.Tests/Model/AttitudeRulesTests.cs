using EcosystemSim.Model.Attitudes;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Tests.Model;

public class AttitudeRulesTests
{
    private static readonly AttitudeParameters P = new();

    [Fact]
    public void A_scandal_a_cut_or_an_uncovered_stay_lowers_trust_and_a_paid_benefit_raises_it()
    {
        double baseline = AttitudeRules.NextTrust(0.6, 0.6, false, 0, false, false, P);
        Assert.Equal(0.6, baseline, 12);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, false, scandal: 1, false, false, P) < baseline - 0.08);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, false, 0, cut: true, false, P) < baseline);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, false, 0, false, uncovered: true, P) < baseline);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, benefit: true, 0, false, false, P) > baseline);
    }

    [Fact]
    public void A_milder_scandal_costs_less_trust()
    {
        double full = AttitudeRules.NextTrust(0.6, 0.6, false, 1, false, false, P);
        double mild = AttitudeRules.NextTrust(0.6, 0.6, false, 0.2, false, false, P);
        Assert.True(mild > full);
        Assert.True(mild < 0.6);
        Assert.Equal(0.5, EcosystemSim.Model.Government.LocalGovernmentRules.ScandalSeverity(new LocalGovernmentParameters { ScandalReferenceShare = 0.01 }, 50, 10_000), 12);
    }

    [Fact]
    public void Trust_drifts_back_towards_the_regional_median()
    {
        Assert.True(AttitudeRules.NextTrust(0.3, 0.6, false, 0, false, false, P) > 0.3);
        Assert.True(AttitudeRules.NextTrust(0.9, 0.6, false, 0, false, false, P) < 0.9);
    }

    [Fact]
    public void Publicity_raises_awareness_with_diminishing_returns_and_awareness_decays_without_it()
    {
        double none = AttitudeRules.NextAwareness(0.5, 0, 0.5, false, P);
        double some = AttitudeRules.NextAwareness(0.5, 5, 0.5, false, P);
        double more = AttitudeRules.NextAwareness(0.5, 10, 0.5, false, P);
        Assert.True(none < 0.5);
        Assert.True(some > none);
        Assert.True(more - some < some - none);
    }
}
