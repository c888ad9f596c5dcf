using EcosystemSim.Model.Attitudes;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Tests.Model;

public class AttitudeRulesTests
{
    private static readonly AttitudeParameters P = new();

    [Fact]
    public void A_scandal_a_cut_or_an_uncovered_stay_lowers_trust_and_a_paid_benefit_raises_it()
    {
        double baseline = AttitudeRules.NextTrust(0.6, 0.6, false, false, false, false, P);
        Assert.Equal(0.6, baseline, 12);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, false, scandal: true, false, false, P) < baseline - 0.08);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, false, false, cut: true, false, P) < baseline);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, false, false, false, uncovered: true, P) < baseline);
        Assert.True(AttitudeRules.NextTrust(0.6, 0.6, benefit: true, false, false, false, P) > baseline);
    }

    [Fact]
    public void Trust_drifts_back_towards_the_regional_median()
    {
        Assert.True(AttitudeRules.NextTrust(0.3, 0.6, false, false, false, false, P) > 0.3);
        Assert.True(AttitudeRules.NextTrust(0.9, 0.6, false, false, false, false, P) < 0.9);
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
