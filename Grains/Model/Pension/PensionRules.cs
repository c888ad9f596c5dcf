using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;
using static EcosystemSim.Model.Random.Distributions;

namespace EcosystemSim.Model.Pension;

/// <summary>
/// The resident basic pension (URRBPI, Guofa [2009] No.32 and the 2014 State Council opinion):
/// contributions by tier with a local subsidy into an individual account earning interest;
/// from the pension age, with enough years, a monthly pension of the national minimum plus the
/// local top-up plus the account balance at retirement divided by 139.
/// </summary>
public static class PensionRules
{
    /// <summary>
    /// Years of contributions a member needs at the pension age. Those already at the pension age
    /// when the scheme reached their county need none; those nearer to it than the vesting period
    /// pay every remaining year; everyone else needs the full vesting period.
    /// </summary>
    public static int RequiredYears(int birthYear, int countySchemeStartYear, PensionParameters p)
    {
        int ageAtStart = countySchemeStartYear - birthYear;
        if (ageAtStart >= p.PensionAge) return 0;
        return Math.Min(p.VestingYears, p.PensionAge - Math.Max(ageAtStart, p.EntryAge));
    }

    /// <summary>The subsidy for a tier: the local schedule times the regional multiplier, never below the legal floor.</summary>
    public static long SubsidyFen(int tierYuan, double scheduleYuan, double multiplier, PensionParameters p)
    {
        double floor = tierYuan >= p.SubsidyHighTierYuan ? p.SubsidyFloorHighYuan : p.SubsidyFloorLowestYuan;
        return Money.FromYuan(Math.Max(floor, scheduleYuan * multiplier));
    }

    /// <summary>A year's interest credited to a balance.</summary>
    public static long CreditInterest(long balanceFen, double rate) =>
        balanceFen <= 0 ? balanceFen : Money.Scale(balanceFen, 1 + rate);

    /// <summary>The monthly account pension: the balance at retirement over the divisor (139).</summary>
    public static long AnnuityFen(long accountFen, int divisor) => Money.DivideRounded(accountFen, divisor);

    /// <summary>The monthly pension: national minimum + local top-up + account pension.</summary>
    public static long MonthlyPensionFen(long minimumFen, long topUpFen, long annuityFen) => minimumFen + topUpFen + annuityFen;

    /// <summary>The central government's part of the minimum pension paid in a region.</summary>
    public static long CentralShareFen(long minimumPaidFen, double centralShare) => Money.Scale(minimumPaidFen, centralShare);

    /// <summary>The log-odds that an eligible member contributes this year.</summary>
    public static double ParticipationLogOdds(
        ParticipationParameters b, double awareness, double trust, double peerRate,
        bool contributedLastYear, bool vested, double relativeLogIncome, double ageProgress, bool migrant = false) =>
        b.Intercept
        + (migrant ? b.Migrant : 0)
        + b.Awareness * (awareness - 0.5)
        + b.Trust * (trust - 0.5)
        + b.Peer * (peerRate - 0.5)
        + (contributedLastYear ? b.Habit : 0)
        + (vested ? b.Vested : 0)
        + b.Income * relativeLogIncome
        + b.Age * ageProgress;

    /// <summary>
    /// The tier a contributor chooses: a multinomial logit over tiers with utility
    /// Precision * (Taste * ln(c + s) - Liquidity * c / y), drawn by inversion with one uniform.
    /// </summary>
    public static int ChooseTier(PensionParameters p, ReadOnlySpan<long> subsidyFen, double incomePerCapitaYuan, Rng rng)
    {
        Span<double> logValues = p.TiersYuan.Length <= 32 ? stackalloc double[p.TiersYuan.Length] : new double[p.TiersYuan.Length];
        for (int k = 0; k < logValues.Length; k++) logValues[k] = Math.Log(p.TiersYuan[k] + Money.ToYuan(subsidyFen[k]));
        return ChooseTier(p, logValues, incomePerCapitaYuan, rng);
    }

    /// <summary>The same, given ln(tier + its subsidy) per tier (the county's terms of the year).</summary>
    public static int ChooseTier(PensionParameters p, ReadOnlySpan<double> logValues, double incomePerCapitaYuan, Rng rng)
    {
        var c = p.TierChoice;
        double income = Math.Max(incomePerCapitaYuan, 1);
        int n = p.TiersYuan.Length;
        Span<double> weights = n <= 32 ? stackalloc double[n] : new double[n];
        double best = double.NegativeInfinity;
        for (int k = 0; k < n; k++)
        {
            double tier = p.TiersYuan[k];
            weights[k] = c.Precision * (c.Taste * logValues[k] - c.Liquidity * tier / income);
            best = Math.Max(best, weights[k]);
        }
        double total = 0;
        for (int k = 0; k < n; k++)
        {
            weights[k] = Math.Exp(weights[k] - best);
            total += weights[k];
        }
        double u = rng.Uniform(0) * total;
        for (int k = 0; k < n - 1; k++)
        {
            u -= weights[k];
            if (u < 0) return k;
        }
        return n - 1;
    }

    /// <summary>One member's pension year: interest, retirement at the pension age, contribution below it, payment after it.</summary>
    public static void StepMember(ref MemberState m, HouseholdState h, YearContext ctx, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters.Pension;
        int age = m.Age(ctx.Year);
        m.AccountFen = CreditInterest(m.AccountFen, p.AccountInterestRate);
        ulong member = Entity.Member(h.Id, m.Serial);
        if (ctx.Year < ctx.Local.SchemeStartYear)
        {
            // The scheme has not reached the county yet: no contributions, no pensions.
            r.AccountBalanceFen += m.AccountFen;
            return;
        }

        // The requirement follows the rules in force, so a reform of the vesting period reaches everyone.
        int required = RequiredYears(m.BirthYear, ctx.Local.SchemeStartYear, p);
        if (m.PensionStatus == PensionStatus.Accumulating && age >= p.PensionAge)
        {
            Retire(ref m, required, p, new Rng(ctx.Seed, member, ctx.Year, RngStream.PensionMakeUp), h.MarketIncomeFen, ref r);
        }
        else if (m.PensionStatus == PensionStatus.Accumulating && age >= p.EntryAge)
        {
            Contribute(ref m, required, h, ctx, age, member, ref r);
        }

        if (m.PensionStatus == PensionStatus.Receiving)
        {
            Pay(ref m, ctx, ref r);
        }
        r.AccountBalanceFen += m.AccountFen;
    }

    private static void Retire(ref MemberState m, int required, PensionParameters p, Rng rng, long householdIncomeFen, ref HouseholdYearRecord r)
    {
        if (m.YearsContributed < required)
        {
            long cost = (required - m.YearsContributed) * Money.FromYuan(p.TiersYuan[0]);
            bool affordable = cost <= p.MakeUpAffordableShare * householdIncomeFen;
            if (affordable && rng.Bernoulli(0, p.MakeUpPropensity))
            {
                m.AccountFen += cost;
                m.YearsContributed = required;
                r.ContributionFen += cost;
                r.MakeUpFen += cost;
            }
        }
        if (m.YearsContributed >= required)
        {
            m.PensionStatus = PensionStatus.Receiving;
            m.AnnuityFen = AnnuityFen(m.AccountFen, p.AnnuityDivisor);
        }
        else
        {
            m.PensionStatus = PensionStatus.NotEntitled;
        }
        m.ContributedLastYear = false;
    }

    private static void Contribute(ref MemberState m, int required, HouseholdState h, YearContext ctx, int age, ulong member, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters.Pension;
        double incomeYuan = Money.ToYuan(h.MarketIncomePerCapitaFen);
        double relativeLogIncome = Math.Log(Math.Max(incomeYuan, 1) / ctx.Local.MeanMarketPerCapitaYuan);
        double ageProgress = (age - p.EntryAge) / (double)Math.Max(1, p.PensionAge - 1 - p.EntryAge);
        double logOdds = ParticipationLogOdds(p.Participation, h.Awareness, h.Trust, ctx.Peers.PensionContributionRate,
            m.ContributedLastYear, m.YearsContributed >= required, relativeLogIncome, ageProgress, m.Migrant);
        // For members of dibao households the government may pay part of the lowest tier; paid in full, they always contribute.
        double aid = h.Dibao ? p.PoorContributionShare : 0;
        double chance = aid + (1 - aid) * Logistic(logOdds);
        bool contributes = new Rng(ctx.Seed, member, ctx.Year, RngStream.PensionParticipation).Uniform(0) < chance;

        r.PensionEligible++;
        if (contributes)
        {
            var subsidies = ctx.Local.SubsidyByTierFen;
            int k = ChooseTier(p, ctx.Terms.TierLogValues, incomeYuan, new Rng(ctx.Seed, member, ctx.Year, RngStream.PensionTier));
            long contribution = Money.FromYuan(p.TiersYuan[k]);
            long paidForMember = Money.Scale(Money.FromYuan(p.TiersYuan[0]), aid);
            long collective = Money.FromYuan(p.CollectiveSubsidyYuan[h.Region]);
            m.AccountFen += contribution + subsidies[k] + collective;
            m.YearsContributed++;
            r.PensionContributors++;
            if (k == 0) r.PensionLowestTier++;
            r.ContributionFen += contribution - paidForMember;
            r.ContributionAidFen += paidForMember;
            r.CollectiveFen += collective;
            r.SubsidyFen += subsidies[k];
            r.SubsidyAboveFloorFen += subsidies[k] - ctx.Local.SubsidyFloorByTierFen[k];
        }
        m.ContributedLastYear = contributes;
        if (m.YearsContributed > 0) r.PensionEnrolled++;
    }

    private static void Pay(ref MemberState m, YearContext ctx, ref HouseholdYearRecord r)
    {
        long minimum = ctx.National.MinimumPensionMonthlyFen;
        long topUp = ctx.Local.TopUpMonthlyFen;
        r.PensionRecipients++;
        r.PensionMonthlyFen += MonthlyPensionFen(minimum, topUp, m.AnnuityFen);
        r.MinimumPensionFen += 12 * minimum;
        r.TopUpFen += 12 * topUp;
        long annuity = 12 * m.AnnuityFen;
        r.AnnuityFen += annuity;
        long fromAccount = Math.Min(m.AccountFen, annuity);
        m.AccountFen -= fromAccount;
        r.AnnuityFromAccountFen += fromAccount;
    }

    /// <summary>
    /// Rebuilds a member's contribution record and account at the start of a run from the years
    /// the scheme has run in the county: each eligible year a contribution at the lowest tier with
    /// the floor subsidy, with the history participation chance; retirement as in the rules.
    /// </summary>
    public static void InitialiseFromHistory(ref MemberState m, ulong member, int countySchemeStartYear,
        PensionParameters p, ulong seed, int startYear)
    {
        int required = RequiredYears(m.BirthYear, countySchemeStartYear, p);
        long lowest = Money.FromYuan(p.TiersYuan[0]);
        long deposit = lowest + Money.FromYuan(p.SubsidyFloorLowestYuan);
        for (int year = countySchemeStartYear; year < startYear; year++)
        {
            int age = m.Age(year);
            if (age < p.EntryAge) continue;
            m.AccountFen = CreditInterest(m.AccountFen, p.AccountInterestRate);
            var rng = new Rng(seed, member, year, RngStream.PensionHistory);
            if (m.PensionStatus == PensionStatus.Accumulating && age >= p.PensionAge)
            {
                if (m.YearsContributed < required && rng.Bernoulli(1, p.MakeUpPropensity))
                {
                    m.AccountFen += (required - m.YearsContributed) * lowest;
                    m.YearsContributed = required;
                }
                m.PensionStatus = m.YearsContributed >= required ? PensionStatus.Receiving : PensionStatus.NotEntitled;
                m.AnnuityFen = m.PensionStatus == PensionStatus.Receiving ? AnnuityFen(m.AccountFen, p.AnnuityDivisor) : 0;
                m.ContributedLastYear = false;
            }
            else if (m.PensionStatus == PensionStatus.Accumulating)
            {
                m.ContributedLastYear = rng.Bernoulli(0, p.HistoryParticipation);
                if (m.ContributedLastYear)
                {
                    m.AccountFen += deposit;
                    m.YearsContributed++;
                }
            }
            if (m.PensionStatus == PensionStatus.Receiving)
            {
                m.AccountFen -= Math.Min(m.AccountFen, 12 * m.AnnuityFen);
            }
        }
    }
}
