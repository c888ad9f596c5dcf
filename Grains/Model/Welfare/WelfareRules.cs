using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Model.Welfare;

/// <summary>
/// Disposable income as the NBS defines it (market income plus public transfers, less
/// contributions and premiums; medical spending is consumption, not deducted) and the welfare
/// flags: poverty, catastrophic health expenditure (WHO: out-of-pocket spending of 40% or more of
/// capacity to pay) and impoverishment by medical spending. The medical flags start from disposable
/// income without its medical reimbursements, which only offset part of the bills.
/// </summary>
public static class WelfareRules
{
    /// <summary>
    /// Capacity to pay (WHO, Xu 2003): consumption less subsistence spending (the dibao standard per
    /// member), or less actual food spending when that is below subsistence.
    /// </summary>
    public static double CapacityToPayYuan(double disposableYuan, int members, double subsistencePerPersonYuan,
        double consumptionShare, double foodShare)
    {
        double consumption = Math.Max(0, disposableYuan) * consumptionShare;
        double food = consumption * foodShare;
        double subsistence = members * subsistencePerPersonYuan;
        return food >= subsistence ? consumption - subsistence : consumption - food;
    }

    public static void Settle(HouseholdState h, YearContext ctx, ref HouseholdYearRecord r)
    {
        r.DisposableIncomeFen = r.MarketIncomeFen + r.PublicTransfersFen + r.SupplementaryPayoutFen - r.ContributionFen - r.PremiumsFen;
        int members = h.Members.Length;
        if (members == 0) return;
        var p = ctx.Parameters;
        double disposable = Money.ToYuan(r.DisposableIncomeFen);
        double outOfPocket = Money.ToYuan(r.OutOfPocketFen);
        double line = Money.ToYuan(ctx.National.PovertyLineFen);
        // Income per equivalent adult (per capita unless welfare.equivalence_scale says otherwise), as every income measure reads it.
        double size = EquivalenceScales.Size(p.Welfare.EquivalenceScale, h, ctx.Year);
        double perCapita = disposable / size;
        r.InPoverty = perCapita < line;
        // Disposable income counts medical reimbursements as income (NBS); what the household has once it
        // has paid its bills is that income without them, less its own share of the bills.
        double withoutReimbursements = disposable - Money.ToYuan(r.MedicalReimbursementsFen);
        r.ImpoverishedByIllness = perCapita >= line && (withoutReimbursements - outOfPocket) / size < line;
        double capacity = CapacityToPayYuan(withoutReimbursements, members, Money.ToYuan(ctx.Local.DibaoStandardFen),
            p.Dibao.ConsumptionShare, p.Dibao.FoodShare);
        r.Catastrophic = outOfPocket > 0 && outOfPocket >= p.Welfare.CatastrophicThreshold * Math.Max(capacity, 0);
    }
}
