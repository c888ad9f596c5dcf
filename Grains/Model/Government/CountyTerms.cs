using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Government;

/// <summary>
/// Terms of a county's year that depend only on the year's policies and offers, never on a household:
/// the year's per-age rates, the reimbursable part of an admission, each medical top-up's expected
/// excess (for members covered by basic insurance and not), and the log value of each contribution tier
/// with its subsidy. Each is computed once per county and year (on first use) by the same expression the
/// rules use, so reading it here gives the same number, bit for bit, as computing it per member.
/// </summary>
public sealed class CountyTerms
{
    private readonly double[] _excess;

    internal CountyTerms(int year, NationalPolicy national, LocalPolicy local)
    {
        Year = year;
        National = national;
        Local = local;
        var p = national.Parameters;
        Ages = AgeRates.For(p, year);
        ReimbursablePerAdmissionYuan = Math.Max(0, national.AdmissionCostYuan * p.Medical.CatalogueShare - Money.ToYuan(local.DeductibleFen));
        _excess = Excesses(p, year, national, local);
        TierLogValues = TierLogs(p.Pension, local.SubsidyByTierFen);
        EmployeeRules = local with { ReimbursementRatio = p.Medical.EmployeeReimbursementRatio };
    }

    /// <summary>The year, national and local policy these terms were computed from (a context built on others recomputes them).</summary>
    internal int Year { get; }

    /// <summary>The national policy these terms were computed from.</summary>
    internal NationalPolicy National { get; }

    /// <summary>The local policy these terms were computed from.</summary>
    internal LocalPolicy Local { get; }

    /// <summary>The year's per-age rates.</summary>
    public AgeRates Ages { get; }

    /// <summary>What basic insurance reimburses of an average admission above the deductible, before the ratio.</summary>
    public double ReimbursablePerAdmissionYuan { get; }

    /// <summary>The county's rules as they apply to a member insured at work: the employee insurance's reimbursement ratio.</summary>
    public LocalPolicy EmployeeRules { get; }

    /// <summary>ln(tier + its subsidy) per contribution tier, in yuan (the taste term of the tier choice).</summary>
    public double[] TierLogValues { get; }

    /// <summary>
    /// <see cref="MarketMath.ExpectedExcess"/> of the offer at this index of <see cref="LocalPolicy.Offers"/> for a member
    /// covered by basic insurance (out-of-pocket share after its ratio on the catalogue) or not (all of it); 0 for offers
    /// that are not medical top-ups.
    /// </summary>
    public double Excess(int offer, bool covered) => _excess[2 * offer + (covered ? 1 : 0)];

    /// <summary>A member's out-of-pocket share of an admission's cost, before any top-up.</summary>
    public static double OutOfPocketShare(ModelParameters p, LocalPolicy local, bool covered) =>
        covered ? 1 - p.Medical.CatalogueShare * local.ReimbursementRatio : 1;

    private static double[] Excesses(ModelParameters p, int year, NationalPolicy national, LocalPolicy local)
    {
        var offers = local.Offers;
        var excess = new double[2 * offers.Length];
        for (int k = 0; k < offers.Length; k++)
        {
            if (offers[k].Kind != ProductKind.MedicalTopUp) continue;
            var product = p.Market.Products[offers[k].Product];
            double deductible = product.DeductibleIn(year, p.Health.CostGrowth);
            for (int covered = 0; covered < 2; covered++)
            {
                excess[2 * k + covered] = MarketMath.ExpectedExcess(national.AdmissionCostYuan, p.Health.CostLogSd,
                    OutOfPocketShare(p, local, covered == 1), deductible);
            }
        }
        return excess;
    }

    private static double[] TierLogs(PensionParameters p, long[] subsidyFen)
    {
        var logs = new double[Math.Min(p.TiersYuan.Length, subsidyFen.Length)];
        for (int k = 0; k < logs.Length; k++) logs[k] = Math.Log(p.TiersYuan[k] + Money.ToYuan(subsidyFen[k]));
        return logs;
    }
}
