using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Model.Attitudes;

/// <summary>
/// Learning at the end of the year. Awareness gains from publicity (with diminishing returns),
/// from peers (towards the county's contribution rate) and from using a scheme, and decays.
/// Trust gains when a public benefit is paid, loses a share with a county scandal (in proportion to its severity), a cut or delay
/// of local benefits, or a hospital stay that was not covered, and drifts back to the region's
/// starting median. Trust in commercial insurers moves with their claims and exits. Insurers'
/// marketing adds to publicity.
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

    public static double NextTrust(double trust, double median, bool benefit, double scandal, bool cut, bool uncovered,
        Parameters.AttitudeParameters p)
    {
        double next = trust + (benefit ? p.BenefitGain * (1 - trust) : 0);
        next *= 1 - p.ScandalLoss * scandal;
        if (cut) next *= 1 - p.CutLoss;
        if (uncovered) next *= 1 - p.UncoveredLoss;
        next += p.TrustReversion * (median - next);
        return Math.Clamp(next, Lowest, Highest);
    }

    /// <summary>Trust in insurers: gains when a claim is paid, loses a share when a claim is denied or an insurer leaves the county, drifts back to the regional median.</summary>
    public static double NextInsurerTrust(double trust, double median, bool claimPaid, bool denied, bool insurerLeft,
        Parameters.MarketChoiceParameters p)
    {
        double next = trust + (claimPaid ? p.ClaimTrustGain * (1 - trust) : 0);
        if (denied) next *= 1 - p.DeniedTrustLoss;
        if (insurerLeft) next *= 1 - p.ExitTrustLoss;
        next += p.TrustReversion * (median - next);
        return Math.Clamp(next, Lowest, Highest);
    }

    public static void Step(HouseholdState h, YearContext ctx, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters.Attitudes;
        bool benefit = r.PensionRecipients > 0 || r.MedicalReimbursementsFen > 0 || r.DibaoFen > 0;
        h.Awareness = NextAwareness(h.Awareness, ctx.Local.PublicityPerCapitaYuan + ctx.Local.MarketingPerCapitaYuan,
            ctx.Peers.PensionContributionRate, benefit, p);
        h.InsurerTrust = NextInsurerTrust(h.InsurerTrust, ctx.Parameters.Market.InitialTrust[h.Region], r.SupplementaryClaimsFen > 0,
            r.SupplementaryDenied > 0, ctx.Local.InsurerLeft, ctx.Parameters.Market.Choice);
        h.Trust = NextTrust(h.Trust, ctx.Parameters.Population.InitialTrust[h.Region], benefit, ctx.Local.Scandal,
            ctx.Local.BenefitCut, r.AdmissionsUncovered > 0, p);
        r.Awareness = h.Awareness;
        r.Trust = h.Trust;
    }
}
