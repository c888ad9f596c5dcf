using EcosystemSim.Model.Government;
using EcosystemSim.Model.Health;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;
using static EcosystemSim.Model.Random.Distributions;

namespace EcosystemSim.Model.Medical;

/// <summary>
/// Each member's health year and the resident medical insurance: enrolment at the start of the
/// year (with the late-enrolment waiting period), then illness, then what basic insurance,
/// critical illness insurance and medical assistance pay, and what is left out of pocket.
/// </summary>
public static class MedicalRules
{
    /// <summary>The premium share the household pays itself: none if extremely poor, part if on dibao.</summary>
    public static double PremiumShare(MedicalParameters p, bool dibao, bool extremePoor) =>
        extremePoor ? 0 : dibao ? 1 - p.DibaoPremiumSubsidy : 1;

    /// <summary>The reimbursement a member can expect in a year from basic insurance (inpatient and outpatient).</summary>
    public static double ExpectedReimbursementYuan(ModelParameters p, LocalPolicy local, NationalPolicy national, int age, bool chronic)
    {
        double perAdmission = Math.Max(0, national.AdmissionCostYuan * p.Medical.CatalogueShare - Money.ToYuan(local.DeductibleFen));
        return ExpectedReimbursementYuan(p, local, national, HealthRules.AdmissionRate(p.Health, age, chronic), perAdmission, chronic);
    }

    /// <summary>The same, given the member's admission rate and the reimbursable part of an admission (the county's terms of the year).</summary>
    private static double ExpectedReimbursementYuan(ModelParameters p, LocalPolicy local, NationalPolicy national, double admissionRate,
        double perAdmission, bool chronic)
    {
        double inpatient = admissionRate * perAdmission * local.ReimbursementRatio;
        double outpatient = HealthRules.OutpatientMeanYuan(p.Health, chronic, national.MedicalCostIndex) * p.Medical.OutpatientRatio[chronic ? 0 : 1];
        return inpatient + outpatient;
    }

    /// <summary>The log-odds of enrolling this year.</summary>
    public static double EnrolmentLogOdds(EnrolmentParameters b, double expectedReimbursementYuan, double premiumPaidYuan,
        double incomePerCapitaYuan, double awareness, double trust, bool enrolledLastYear, double peerRate) =>
        b.Intercept
        + b.Value * (expectedReimbursementYuan - premiumPaidYuan) / Math.Max(incomePerCapitaYuan, b.IncomeFloorYuan)
        + b.Awareness * (awareness - 0.5)
        + b.Trust * (trust - 0.5)
        + (enrolledLastYear ? b.Habit : 0)
        + b.Peer * (peerRate - 0.5);

    /// <summary>
    /// The chance that a member working away is insured in the employee medical insurance this year:
    /// the base share, rising each year after the base year up to the cap.
    /// </summary>
    public static double EmployeeSchemeShare(MedicalParameters p, int year) =>
        Math.Min(Math.Max(p.EmployeeSchemeCap, p.EmployeeSchemeShare),
            p.EmployeeSchemeShare + p.EmployeeSchemeRise * Math.Max(0, year - p.EmployeeSchemeBaseYear));

    /// <summary>Months a member who enrols after missing years waits before being covered (from the rule's first year).</summary>
    public static double WaitingMonths(MedicalParameters p, int year, bool enrolledLastYear, int missedYears) =>
        year < p.WaitingPeriodFromYear || enrolledLastYear || missedYears == 0
            ? 0
            : Math.Min(p.WaitingMonthsMax, p.WaitingMonths[0] + p.WaitingMonths[1] * missedYears);

    /// <summary>What the insurance layers pay for one member's covered and uncovered costs in a year.</summary>
    public readonly record struct Claims(double Cost, double InpatientCost, double Basic, double BasicInpatient,
        double CriticalIllness, double Assistance, int Uncovered)
    {
        public double OutOfPocket => Cost - Basic - CriticalIllness - Assistance;

        /// <summary>Out-of-pocket inpatient cost: what a medical top-up insures.</summary>
        public double InpatientOutOfPocket => InpatientCost - BasicInpatient - CriticalIllness - Assistance;
    }

    /// <summary>
    /// Settles a member's year of medical costs: per covered admission the in-catalogue cost above the
    /// deductible times the ratio, up to the yearly cap; outpatient costs at the outpatient ratio for the
    /// covered months; critical illness insurance on the in-catalogue remainder above its threshold;
    /// assistance on what is left, for dibao and extremely poor members.
    /// </summary>
    public static Claims Settle(MedicalParameters p, LocalPolicy local, ReadOnlySpan<double> admissionCosts,
        ReadOnlySpan<double> admissionMonths, double outpatientCost, bool chronic, bool enrolled, double waitingMonths, bool assisted)
    {
        double inpatientCost = 0, inCatalogue = 0, basicInpatient = 0;
        int uncovered = 0;
        double deductible = Money.ToYuan(local.DeductibleFen);
        for (int j = 0; j < admissionCosts.Length; j++)
        {
            inpatientCost += admissionCosts[j];
            if (!enrolled || admissionMonths[j] < waitingMonths)
            {
                uncovered++;
                continue;
            }
            double scope = admissionCosts[j] * p.CatalogueShare;
            inCatalogue += scope;
            basicInpatient += Math.Max(0, scope - deductible) * local.ReimbursementRatio;
        }
        basicInpatient = Math.Min(basicInpatient, Money.ToYuan(local.ReimbursementCapFen));
        double coveredShare = enrolled ? (12 - waitingMonths) / 12 : 0;
        double basicOutpatient = outpatientCost * p.OutpatientRatio[chronic ? 0 : 1] * coveredShare;

        double remaining = inCatalogue - basicInpatient;
        double threshold = Money.ToYuan(local.CriticalIllnessThresholdFen);
        double critical = enrolled && remaining > threshold ? (remaining - threshold) * p.CriticalIllnessRatio : 0;
        double assistance = assisted && enrolled
            ? Math.Min(Money.ToYuan(local.AssistanceCapFen), (remaining - critical) * p.AssistanceRatio)
            : 0;
        return new Claims(inpatientCost + outpatientCost, inpatientCost, basicInpatient + basicOutpatient, basicInpatient,
            critical, Math.Max(0, assistance), uncovered);
    }

    /// <summary>Every member's health and medical insurance year.</summary>
    public static void Step(HouseholdState h, YearContext ctx, MarketLedger ledger, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters;
        double premiumShare = PremiumShare(p.Medical, r.DibaoReceiving, r.ExtremePoor);
        double premium = Money.ToYuan(ctx.National.MedicalPremiumFen);
        double premiumPaid = premium * premiumShare;
        bool lowIncome = MarketRules.LowIncome(h, r, ctx);
        var choice = ctx.Local.Offers.Length > 0 ? MarketRules.MedicalBasis(h, r, ctx, lowIncome) : default;
        var ages = ctx.Terms.Ages;
        Span<double> costs = stackalloc double[p.Health.MaxAdmissions];
        Span<double> months = stackalloc double[p.Health.MaxAdmissions];

        var members = h.Members;
        for (int i = 0; i < members.Length; i++)
        {
            ref var m = ref members[i];
            int age = m.Age(ctx.Year);
            ulong key = Entity.Member(h.Id, m.Serial);
            if (!m.Chronic && new Rng(ctx.Seed, key, ctx.Year, RngStream.ChronicOnset).Uniform(0) < ages.Onset(age))
            {
                m.Chronic = true;
            }
            bool atWork = m.Migrant && new Rng(ctx.Seed, key, ctx.Year, RngStream.EmployeeScheme).Uniform(0) < EmployeeSchemeShare(p.Medical, ctx.Year);
            var (enrolled, waiting) = atWork ? InsuredAtWork(ref m) : Enrol(ref m, age, key, h, ctx, premiumPaid, r.ExtremePoor);
            bool covered = enrolled || atWork;
            MarketRules.ChooseMedical(ref m, age, h, ctx, choice, covered, ledger, ref r);

            int admissions = DrawAdmissions(m, age, key, ctx, ages, costs, months);
            double outpatient = HealthRules.LogNormal(HealthRules.OutpatientMeanYuan(p.Health, m.Chronic, ctx.National.MedicalCostIndex),
                p.Health.OutpatientLogSd, new Rng(ctx.Seed, key, ctx.Year, RngStream.Outpatient).Normal(0));
            var rules = atWork ? ctx.Terms.EmployeeRules : ctx.Local;
            var claims = Settle(p.Medical, rules, costs[..admissions], months[..admissions], outpatient, m.Chronic, covered, waiting, r.DibaoReceiving);

            if (enrolled)
            {
                r.MedicalEnrolled++;
                long paid = Money.FromYuan(premiumPaid);
                r.PremiumsFen += paid;
                r.PremiumAssistanceFen += ctx.National.MedicalPremiumFen - paid;
            }
            if (atWork)
            {
                r.EmployeeMedical++;
            }
            else if (age < p.Medical.YoungHealthyAge && !m.Chronic)
            {
                r.YoungHealthy++;
                if (enrolled) r.YoungHealthyEnrolled++;
            }
            long topUp = MarketRules.ClaimMedical(m, age, claims.InpatientOutOfPocket, ctx, ledger, ref r);
            RecordCosts(ref r, claims, admissions, enrolled, atWork, topUp);
        }
    }

    /// <summary>
    /// Whether the member enrols this year (the extremely poor always are, paid for), and the months they
    /// then wait for cover; updates the member's enrolment history.
    /// </summary>
    private static (bool Enrolled, double WaitingMonths) Enrol(ref MemberState m, int age, ulong key, HouseholdState h, YearContext ctx,
        double premiumPaidYuan, bool extremePoor)
    {
        var p = ctx.Parameters;
        bool lastYear = m.MedicalEnrolled;
        var terms = ctx.Terms;
        double expected = ExpectedReimbursementYuan(p, ctx.Local, ctx.National, terms.Ages.AdmissionRate(age, m.Chronic),
            terms.ReimbursablePerAdmissionYuan, m.Chronic);
        bool enrolled = extremePoor || new Rng(ctx.Seed, key, ctx.Year, RngStream.MedicalEnrolment).Uniform(0) <
            Logistic(EnrolmentLogOdds(p.Medical.Enrolment, expected, premiumPaidYuan, Money.ToYuan(h.MarketIncomePerCapitaFen),
                h.Awareness, h.Trust, lastYear, ctx.Peers.MedicalEnrolmentRate));
        double waiting = enrolled ? WaitingMonths(p.Medical, ctx.Year, lastYear, m.MedicalMissedYears) : 0;
        m.MedicalEnrolled = enrolled;
        m.MedicalMissedYears = enrolled ? 0 : m.MedicalMissedYears + 1;
        return (enrolled, waiting);
    }

    /// <summary>
    /// A member insured at work this year: covered from the first month, not enrolled in the resident
    /// insurance; the year counts as covered, so a return to the resident insurance is not a late enrolment.
    /// </summary>
    private static (bool Enrolled, double WaitingMonths) InsuredAtWork(ref MemberState m)
    {
        m.MedicalEnrolled = true;
        m.MedicalMissedYears = 0;
        return (false, 0);
    }

    /// <summary>The member's admissions this year: how many, and each one's cost and month (into the spans); returns how many.</summary>
    private static int DrawAdmissions(in MemberState m, int age, ulong key, YearContext ctx, AgeRates ages, Span<double> costs, Span<double> months)
    {
        var health = ctx.Parameters.Health;
        var admissionRng = new Rng(ctx.Seed, key, ctx.Year, RngStream.Admissions);
        int admissions = HealthRules.PoissonCount(ages.AdmissionRate(age, m.Chronic), ages.NoAdmission(age, m.Chronic), admissionRng.Uniform(0),
            health.MaxAdmissions);
        var costRng = new Rng(ctx.Seed, key, ctx.Year, RngStream.AdmissionCost);
        var timingRng = new Rng(ctx.Seed, key, ctx.Year, RngStream.AdmissionTiming);
        for (int j = 0; j < admissions; j++)
        {
            costs[j] = HealthRules.LogNormal(ctx.National.AdmissionCostYuan, health.CostLogSd, costRng.Normal((uint)j));
            months[j] = 12 * timingRng.Uniform((uint)j);
        }
        return admissions;
    }

    /// <summary>Adds a member's admissions, costs and what each layer (and a top-up) paid to the household's record.</summary>
    private static void RecordCosts(ref HouseholdYearRecord r, in Claims claims, int admissions, bool enrolled, bool atWork, long topUpFen)
    {
        r.Admissions += admissions;
        if (enrolled) r.AdmissionsEnrolled += admissions;
        r.AdmissionsUncovered += claims.Uncovered;
        long cost = Money.FromYuan(claims.Cost), basic = Money.FromYuan(claims.Basic);
        long critical = Money.FromYuan(claims.CriticalIllness), assistance = Money.FromYuan(claims.Assistance);
        r.MedicalCostFen += cost;
        if (atWork)
        {
            // The employee insurance and its supplementary cover for large expenses: not the county's resident fund.
            r.EmployeeSchemeFen += basic + critical;
        }
        else
        {
            r.ReimbursedFen += basic;
            r.CriticalIllnessFen += critical;
        }
        r.AssistanceFen += assistance;
        r.OutOfPocketFen += Math.Max(0, cost - basic - critical - assistance - topUpFen);
    }
}
