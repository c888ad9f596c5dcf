using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Model.Attitudes;

/// <summary>
/// Learning at the end of the year. Awareness gains from publicity (with diminishing returns),
/// from peers (towards the county's contribution rate) and from using a scheme, and decays.
/// Trust gains when a public benefit is paid, loses a share with a county scandal, a cut or delay
/// of local benefits, or a hospital stay that was not covered, and drifts back to the region's
/// starting median.
/// </summary>
public static class AttitudeRules
{
    private const double Lowest = 0.001, Highest = 0.999;

    public static double NextAwareness(double awareness, double publicityPerCapitaYuan, double peerRate, bool benefit,
        Parameters.AttitudeParameters p)
    {
        double publicity = publicityPerCapitaYuan / (publicityPerCapitaYuan + p.PublicityHalfEffect);
        double next = awareness
                      + p.PublicityGain * publicity * (1 - awareness)
                      + p.PeerGain * (peerRate - awareness)
                      + (benefit ? p.BenefitGain * (1 - awareness) : 0)
                      - p.AwarenessDecay * awareness;
        return Math.Clamp(next, Lowest, Highest);
    }

    public static double NextTrust(double trust, double median, bool benefit, bool scandal, bool cut, bool uncovered,
        Parameters.AttitudeParameters p)
    {
        double next = trust + (benefit ? p.BenefitGain * (1 - trust) : 0);
        if (scandal) next *= 1 - p.ScandalLoss;
        if (cut) next *= 1 - p.CutLoss;
        if (uncovered) next *= 1 - p.UncoveredLoss;
        next += p.TrustReversion * (median - next);
        return Math.Clamp(next, Lowest, Highest);
    }

    public static void Step(HouseholdState h, YearContext ctx, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters.Attitudes;
        bool benefit = r.PensionRecipients > 0 || r.ReimbursedFen + r.CriticalIllnessFen + r.AssistanceFen > 0 || r.DibaoFen > 0;
        h.Awareness = NextAwareness(h.Awareness, ctx.Local.PublicityPerCapitaYuan, ctx.Peers.PensionContributionRate, benefit, p);
        h.Trust = NextTrust(h.Trust, ctx.Parameters.Population.InitialTrust[h.Region], benefit, ctx.Local.Scandal,
            ctx.Local.BenefitCut, r.AdmissionsUncovered > 0, p);
        r.Awareness = h.Awareness;
        r.Trust = h.Trust;
    }
}
