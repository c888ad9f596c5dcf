using EcosystemSim.Model.Government;
using EcosystemSim.Model.Health;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;
using static EcosystemSim.Model.Random.Distributions;

namespace EcosystemSim.Model.Market;

/// <summary>
/// The household side of the supplementary market. Members choose among the offers in their
/// county (a multinomial logit with buying nothing as the base); a medical top-up pays a share
/// of the member's out-of-pocket inpatient cost above its deductible; a supplementary pension
/// collects contributions into an account at the guaranteed rate and pays an annuity from the
/// pension age.
/// </summary>
public static class MarketRules
{
    /// <summary>
    /// Utilities are capped here before exponentiating. e^50 (about 5e21) already makes an offer all
    /// but certain against buying nothing, and the cap keeps the weights and their sum finite (e^710
    /// overflows a double), so that an extreme utility cannot turn the draw into NaN.
    /// </summary>
    private const double MaxUtility = 50;

    /// <summary>The weight of buying nothing: its utility is 0, the base of the logit, and e^0 = 1.</summary>
    private const double NothingWeight = 1;

    /// <summary>The utility of an offer the member cannot choose (of the other kind of product): never drawn.</summary>
    private const double NotOnOffer = double.NegativeInfinity;

    /// <summary>The share of a medical top-up's claim a member gets: the pre-existing share for a chronic member unless exclusions are forbidden.</summary>
    public static double PayoutShare(ProductParameters product, MarketParameters market, bool chronic) =>
        chronic && !market.ForbidExclusions ? product.PreexistingShare : product.ReimbursementShare;

    /// <summary>
    /// What a member expects a medical top-up to pay in a year, knowing their own health: admissions at
    /// their own rate, each leaving an out-of-pocket share of a log-normal cost, the product paying its
    /// share above the deductible.
    /// </summary>
    public static double ExpectedPayoutYuan(ProductParameters product, MarketParameters market, HealthParameters health,
        double admissionCostYuan, double outOfPocketFraction, int age, bool chronic, int year)
    {
        double deductible = product.DeductibleIn(year, health.CostGrowth);
        double excess = MarketMath.ExpectedExcess(admissionCostYuan, health.CostLogSd, outOfPocketFraction, deductible);
        return HealthRules.AdmissionRate(health, age, chronic) * PayoutShare(product, market, chronic) * Math.Min(excess, product.CapYuan);
    }

    /// <summary>Whether the household counts as low-income for premium subsidies.</summary>
    public static bool LowIncome(HouseholdState h, in HouseholdYearRecord r, YearContext ctx)
    {
        if (r.DibaoReceiving) return true;
        if (h.Members.Length == 0) return false;
        double perCapita = Money.ToYuan(h.MarketIncomeFen + r.PensionPaidFen) / h.Members.Length;
        return perCapita < ctx.Parameters.Market.LowIncomeLine * Money.ToYuan(ctx.Local.DibaoStandardFen);
    }

    /// <summary>
    /// Per-capita income in hand when the year's top-up is chosen: the household's market income, pensions
    /// and dibao of the year over its members, and at least the floor.
    /// </summary>
    public static double IncomeInHandPerCapitaYuan(HouseholdState h, in HouseholdYearRecord r, double floorYuan) =>
        h.Members.Length == 0
            ? floorYuan
            : Math.Max(floorYuan, Money.ToYuan(h.MarketIncomeFen + r.PensionPaidFen + r.DibaoFen) / h.Members.Length);

    /// <summary>
    /// The log-odds a medical top-up's terms add to buying it: its net value, the risk-loaded expected payout
    /// less the price, relative to the county's mean income, so that a yuan of cover counts the same for rich
    /// and poor. Below the county mean the price weighs more, by the mean over the member's own income to a
    /// power (liquidity constraints: the premium is paid now, out of a budget needed for necessities): the same
    /// premium deters the poor more, and uptake rises with income. The payout is not so weighed, so the sick,
    /// who expect more from the product, still buy more than the healthy.
    /// </summary>
    public static double MedicalValue(MarketChoiceParameters choice, double riskAversion, double expectedYuan, double priceYuan,
        double incomeYuan, double referenceIncomeYuan) =>
        WeightedMedicalValue(choice, riskAversion, expectedYuan, priceYuan, PriceWeight(choice, incomeYuan, referenceIncomeYuan), referenceIncomeYuan);

    /// <summary>The same, given the member's price weight (<see cref="PriceWeight"/>).</summary>
    private static double WeightedMedicalValue(MarketChoiceParameters choice, double riskAversion, double expectedYuan, double priceYuan,
        double priceWeight, double referenceIncomeYuan) =>
        choice.Value * ((1 + riskAversion) * expectedYuan - priceWeight * priceYuan) / referenceIncomeYuan;

    /// <summary>How much more a yuan of premium weighs below the county's mean income: (mean / own income)^liquidity, at least 1.</summary>
    public static double PriceWeight(MarketChoiceParameters choice, double incomeYuan, double referenceIncomeYuan) =>
        Math.Pow(Math.Max(1, referenceIncomeYuan / incomeYuan), choice.Liquidity);

    /// <summary>
    /// The household's side of a top-up choice, the same for each of its members in a year: the utility terms that
    /// do not depend on the product (income relative to the county's mean, trust, awareness), the weight of the price,
    /// the county's mean income and the share of the premium a subsidy pays.
    /// </summary>
    public readonly record struct MedicalChoiceBasis(double Common, double PriceWeight, double ReferenceYuan, double Subsidy);

    /// <summary>The household's <see cref="MedicalChoiceBasis"/> once its pensions and dibao of the year are known.</summary>
    public static MedicalChoiceBasis MedicalBasis(HouseholdState h, in HouseholdYearRecord r, YearContext ctx, bool lowIncome)
    {
        var p = ctx.Parameters;
        var choice = p.Market.Choice;
        double income = IncomeInHandPerCapitaYuan(h, r, p.Medical.Enrolment.IncomeFloorYuan);
        double reference = Math.Max(1, ctx.Local.MeanMarketPerCapitaYuan);
        double common = choice.MedicalIntercept + choice.MedicalIncome * Math.Log(income / reference)
                        + choice.Trust * (h.InsurerTrust - 0.5) + choice.Awareness * (h.Awareness - 0.5);
        return new MedicalChoiceBasis(common, PriceWeight(choice, income, reference), reference, lowIncome ? p.Market.LowIncomeSubsidyShare : 0);
    }

    /// <summary>
    /// A member's choice of medical top-up for the year, before illness; returns the product index
    /// bought, or -1. The premium (less any subsidy) is booked to the ledger.
    /// </summary>
    public static int ChooseMedical(ref MemberState m, int age, HouseholdState h, YearContext ctx, bool lowIncome,
        bool enrolledInBasic, MarketLedger ledger, ref HouseholdYearRecord r) =>
        ChooseMedical(ref m, age, h, ctx, MedicalBasis(h, r, ctx, lowIncome), enrolledInBasic, ledger, ref r);

    /// <summary>The same, with the household's side of the choice computed once for all its members.</summary>
    public static int ChooseMedical(ref MemberState m, int age, HouseholdState h, YearContext ctx, in MedicalChoiceBasis basis,
        bool enrolledInBasic, MarketLedger ledger, ref HouseholdYearRecord r)
    {
        int held = m.TopUpProduct;
        m.TopUpProduct = -1;
        var offers = ctx.Local.Offers;
        if (offers.Length == 0) return -1;
        var p = ctx.Parameters;
        var market = p.Market;
        var choice = market.Choice;
        var terms = ctx.Terms;
        int band = market.Band(age);
        double subsidy = basis.Subsidy;
        // What the member expects a top-up to pay (ExpectedPayoutYuan), from the county's terms of the year.
        double rate = terms.Ages.AdmissionRate(age, m.Chronic);

        Span<double> utilities = stackalloc double[offers.Length];
        for (int k = 0; k < offers.Length; k++)
        {
            var offer = offers[k];
            if (offer.Kind != ProductKind.MedicalTopUp)
            {
                utilities[k] = NotOnOffer;
                continue;
            }
            var product = market.Products[offer.Product];
            double price = Money.ToYuan(offer.PremiumByBandFen[band]) * (1 - subsidy);
            double expected = rate * PayoutShare(product, market, m.Chronic) * Math.Min(terms.Excess(k, enrolledInBasic), product.CapYuan);
            utilities[k] = basis.Common + WeightedMedicalValue(choice, h.RiskAversion, expected, price, basis.PriceWeight, basis.ReferenceYuan)
                           + (product.Endorsed ? choice.Endorsement : 0)
                           + (held == offer.Product ? choice.Habit : 0);
        }
        int chosen = DrawLogit(utilities, new Rng(ctx.Seed, Entity.Member(h.Id, m.Serial), ctx.Year, RngStream.MarketChoice));
        if (chosen < 0) return -1;
        var bought = offers[chosen];
        long premium = bought.PremiumByBandFen[band];
        long paidByGovernment = Money.Scale(premium, subsidy);
        ref var use = ref ledger.For(bought.Product);
        use.AddPolicy(band);
        use.PremiumFen += premium - paidByGovernment;
        use.SubsidyFen += paidByGovernment;
        r.SupplementaryMedicalHolders++;
        if (m.Chronic)
        {
            r.SupplementaryMedicalChronicHolders++;
            use.ChronicPolicies++;
        }
        r.SupplementaryPremiumsFen += premium - paidByGovernment;
        m.TopUpProduct = bought.Product;
        return bought.Product;
    }

    /// <summary>Pays a member's medical top-up claim on the year's out-of-pocket inpatient cost; returns what it paid.</summary>
    public static long ClaimMedical(in MemberState m, int age, double inpatientOutOfPocketYuan, YearContext ctx, MarketLedger ledger, ref HouseholdYearRecord r)
    {
        if (m.TopUpProduct < 0) return 0;
        var market = ctx.Parameters.Market;
        var product = market.Products[m.TopUpProduct];
        double excess = inpatientOutOfPocketYuan - product.DeductibleIn(ctx.Year, ctx.Parameters.Health.CostGrowth);
        if (excess <= 0) return 0;
        ref var use = ref ledger.For(m.TopUpProduct);
        double share = PayoutShare(product, market, m.Chronic);
        if (share <= 0)
        {
            use.Denied++;
            r.SupplementaryDenied++;
            return 0;
        }
        long paid = Money.FromYuan(Math.Min(product.CapYuan, share * excess));
        use.AddClaim(market.Band(age), paid);
        use.Claimants++;
        r.SupplementaryClaimsFen += paid;
        return paid;
    }

    /// <summary>
    /// A member's supplementary pension year: a member of working age without one may start; a
    /// contributor pays the year's contribution while the product is on sale in the county and the
    /// account earns the guaranteed rate; from the pension age the account pays an annuity. If the
    /// insurer has failed, the account is paid out.
    /// </summary>
    public static void StepPension(ref MemberState m, int age, HouseholdState h, YearContext ctx, MarketLedger ledger, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters;
        var market = p.Market;
        ulong member = Entity.Member(h.Id, m.Serial);
        if (m.PensionProduct < 0)
        {
            if (age < p.Pension.EntryAge || age >= p.Pension.PensionAge) return;
            int chosen = ChoosePension(age, h, ctx, new Rng(ctx.Seed, member, ctx.Year, RngStream.PensionProductChoice));
            if (chosen < 0) return;
            m.PensionProduct = chosen;
            m.PensionContributing = true;
        }
        var product = market.Products[m.PensionProduct];
        int insurer = InsurerIndex(market, product);
        ref var use = ref ledger.For(m.PensionProduct);
        if (!ctx.National.Market.IsSolvent(insurer))
        {
            use.SurrenderFen += m.PensionProductAccountFen;
            r.SupplementaryPayoutFen += m.PensionProductAccountFen;
            m = m with { PensionProduct = -1, PensionContributing = false, PensionProductAccountFen = 0, PensionProductAnnuityFen = 0 };
            return;
        }
        m.PensionProductAccountFen = Money.Scale(m.PensionProductAccountFen, 1 + product.GuaranteedRate);
        if (age < p.Pension.PensionAge) Contribute(ref m, age, member, ctx, ref use, ref r);
        else PayAnnuity(ref m, product, ref use, ref r);
        use.AccountFen += m.PensionProductAccountFen;
    }

    /// <summary>
    /// Before the pension age: a contributor who keeps contributing (the persistence draw) pays the
    /// year's contribution into the account while the product is on sale in the county; one who stops
    /// does not start again.
    /// </summary>
    private static void Contribute(ref MemberState m, int age, ulong member, YearContext ctx, ref ProductUse use, ref HouseholdYearRecord r)
    {
        var market = ctx.Parameters.Market;
        CountyOffer? offer = null;
        foreach (var o in ctx.Local.Offers)
        {
            if (o.Product == m.PensionProduct) offer = o;
        }
        if (m.PensionContributing && offer is not null &&
            new Rng(ctx.Seed, member, ctx.Year, RngStream.PensionProductPersistence).Uniform(0) < market.Choice.PensionPersistence)
        {
            long contribution = offer.PremiumByBandFen[0];
            m.PensionProductAccountFen += contribution;
            use.AddPolicy(market.Band(age));
            use.PremiumFen += contribution;
            r.SupplementaryPensionContributors++;
            r.SupplementaryPremiumsFen += contribution;
        }
        else
        {
            m.PensionContributing = false;
        }
    }

    /// <summary>From the pension age: a monthly annuity fixed at the first payment (the account over the divisor), paid for life while it draws the account down to zero.</summary>
    private static void PayAnnuity(ref MemberState m, ProductParameters product, ref ProductUse use, ref HouseholdYearRecord r)
    {
        if (m.PensionProductAnnuityFen == 0) m.PensionProductAnnuityFen = Money.DivideRounded(m.PensionProductAccountFen, product.AnnuityDivisor);
        long annuity = 12 * m.PensionProductAnnuityFen;
        m.PensionProductAccountFen -= Math.Min(m.PensionProductAccountFen, annuity);
        use.AnnuityFen += annuity;
        use.Annuitants++;
        r.SupplementaryPayoutFen += annuity;
        r.SupplementaryPensionAnnuitants++;
    }

    /// <summary>Books a member's supplementary account as paid out when the member dies or leaves.</summary>
    public static void CloseAccount(in MemberState m, MarketLedger ledger)
    {
        if (m.PensionProduct < 0 || m.PensionProductAccountFen == 0) return;
        ledger.For(m.PensionProduct).SurrenderFen += m.PensionProductAccountFen;
    }

    private static int ChoosePension(int age, HouseholdState h, YearContext ctx, Rng rng)
    {
        var offers = ctx.Local.Offers;
        var p = ctx.Parameters;
        var choice = p.Market.Choice;
        double income = Math.Max(Money.ToYuan(h.MarketIncomePerCapitaFen), p.Medical.Enrolment.IncomeFloorYuan);
        double relative = Math.Log(income / Math.Max(1, ctx.Local.MeanMarketPerCapitaYuan));
        double common = choice.PensionIntercept + choice.PensionIncome * relative
                        + choice.Trust * (h.InsurerTrust - 0.5) + choice.Awareness * (h.Awareness - 0.5);
        Span<double> utilities = stackalloc double[offers.Length];
        for (int k = 0; k < offers.Length; k++)
        {
            if (offers[k].Kind != ProductKind.SupplementaryPension)
            {
                utilities[k] = NotOnOffer;
                continue;
            }
            var product = p.Market.Products[offers[k].Product];
            utilities[k] = common + choice.PensionReturn * 100 * (product.GuaranteedRate - choice.ReferenceRate)
                           - choice.PensionLiquidity * Money.ToYuan(offers[k].PremiumByBandFen[0]) / income
                           + (product.Endorsed ? choice.Endorsement : 0);
        }
        int chosen = DrawLogit(utilities, rng);
        return chosen < 0 ? -1 : offers[chosen].Product;
    }

    /// <summary>
    /// A multinomial logit draw with buying nothing as the base (utility 0): option k is drawn with
    /// probability e^U_k / (1 + sum of e^U_j). Returns the option's index, or -1 for buying nothing.
    /// One uniform (draw 0 of the stream) is laid against the cumulative weights in option order, so
    /// the same utilities and stream always pick the same option.
    /// </summary>
    private static int DrawLogit(ReadOnlySpan<double> utilities, Rng rng)
    {
        Span<double> weights = stackalloc double[utilities.Length];
        double total = NothingWeight;
        for (int k = 0; k < utilities.Length; k++)
        {
            // An option not on offer keeps weight 0, so it is never drawn and leaves the total as it is.
            if (utilities[k] == NotOnOffer) continue;
            weights[k] = Math.Exp(Math.Min(utilities[k], MaxUtility));
            total += weights[k];
        }
        double u = rng.Uniform(0) * total;
        for (int k = 0; k < utilities.Length; k++)
        {
            u -= weights[k];
            if (u < 0) return k;
        }
        return -1;
    }

    /// <summary>The index of the product's insurer.</summary>
    public static int InsurerIndex(MarketParameters market, ProductParameters product)
    {
        for (int i = 0; i < market.Insurers.Length; i++)
        {
            if (market.Insurers[i].Id == product.Insurer) return i;
        }
        throw new InvalidOperationException($"product {product.Id} names unknown insurer {product.Insurer}");
    }

    /// <summary>Initial risk aversion (log-normal around the median) and trust in insurers (around the regional median) of a new household.</summary>
    public static (double RiskAversion, double Trust) InitialAttitudes(ModelParameters p, Region region, ulong seed, int householdId)
    {
        var market = p.Market;
        ulong household = Entity.Household(householdId);
        double sd = market.Choice.RiskAversionSpread;
        double riskAversion = market.Choice.RiskAversion *
                              Math.Exp(sd * new Rng(seed, household, 0, RngStream.InitialRiskAversion).Normal(0));
        double trust = Logistic(Logit(market.InitialTrust[region]) +
                                p.Population.AttitudeSpread * new Rng(seed, household, 0, RngStream.InitialInsurerTrust).Normal(0));
        return (riskAversion, trust);
    }
}
