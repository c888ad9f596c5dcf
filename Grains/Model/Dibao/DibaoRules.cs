using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Random;

namespace EcosystemSim.Model.Dibao;

/// <summary>
/// The dibao means test: a household is eligible when its per-capita income (market income and
/// pensions) is below the local standard. The local government sees that income through an error
/// (persistent, log-normal), so some of the poor are missed (exclusion) and some of the non-poor
/// admitted (inclusion); an assessed-eligible household receives dibao if it takes it up (a
/// recipient, if it passes the annual review), the more likely the larger its benefit. The benefit fills the gap between the standard and assessed income.
/// </summary>
public static class DibaoRules
{
    public static void Step(HouseholdState h, YearContext ctx, ref HouseholdYearRecord r)
    {
        int members = h.Members.Length;
        if (members == 0)
        {
            h.Dibao = false;
            return;
        }
        var p = ctx.Parameters.Dibao;
        ulong household = Entity.Household(h.Id);
        double standard = Money.ToYuan(ctx.Local.DibaoStandardFen);
        double incomePerCapita = Money.ToYuan(h.MarketIncomeFen + r.PensionPaidFen) / members;

        double shock = new Rng(ctx.Seed, household, ctx.Year, RngStream.DibaoAssessment).Normal(0);
        h.AssessmentError = p.ErrorPersistence * h.AssessmentError + Math.Sqrt(1 - p.ErrorPersistence * p.ErrorPersistence) * shock;
        double assessed = incomePerCapita * Math.Exp(ctx.Local.TargetingError * h.AssessmentError);

        // Classified implementation: below the standard a full gap-filling benefit (more for the extremely
        // poor), between the standard and the low-income line a partial one.
        double line = standard * p.LowIncomeLine;
        // Only a household assessed below the standard is asked who its members are (the hot path skips the rest).
        bool extremePoorIfReceiving = assessed < standard && !HasWorkingAgeMember(h, ctx);
        double entitled = assessed >= line ? 0
            : assessed < standard ? standard - assessed + (extremePoorIfReceiving ? p.ClassifiedSupplement * standard : 0)
            : p.LowIncomeBenefitShare * (line - assessed);
        bool receives = assessed < line &&
                        new Rng(ctx.Seed, household, ctx.Year, RngStream.DibaoTakeUp).Uniform(0) <
                        ChanceOfReceiving(p, h) * BenefitFactor(p, entitled, standard);
        h.Dibao = receives;
        h.DibaoKnown = true;
        double perCapita = receives ? entitled : 0;
        r.DibaoEligible = incomePerCapita < standard;
        r.DibaoReceiving = receives && perCapita > 0;
        r.DibaoFen = Money.FromYuan(perCapita * members);
        r.ExtremePoor = receives && extremePoorIfReceiving;
    }

    /// <summary>
    /// Chance that an assessed-eligible household receives: the continuation chance for last year's
    /// recipients, the take-up chance for others, and in the first year (last year unknown) the
    /// initial share.
    /// </summary>
    public static double ChanceOfReceiving(Parameters.DibaoParameters p, HouseholdState h) =>
        !h.DibaoKnown ? p.InitialShare
        : h.Dibao ? p.Continuation
        : p.TakeUp;

    /// <summary>
    /// How much of the take-up chances a benefit of <paramref name="perCapita"/> a member earns: in
    /// proportion to it up to full_take_up_benefit x the standard, 1 from there (and when the effect is off).
    /// </summary>
    public static double BenefitFactor(Parameters.DibaoParameters p, double perCapita, double standard) =>
        p.FullTakeUpBenefit <= 0 || standard <= 0 ? 1 : Math.Clamp(perCapita / (p.FullTakeUpBenefit * standard), 0, 1);

    private static bool HasWorkingAgeMember(HouseholdState h, YearContext ctx)
    {
        var pension = ctx.Parameters.Pension;
        foreach (ref readonly var m in h.Members.AsSpan())
        {
            int age = m.Age(ctx.Year);
            if (age >= pension.EntryAge && age < pension.PensionAge) return true;
        }
        return false;
    }
}
