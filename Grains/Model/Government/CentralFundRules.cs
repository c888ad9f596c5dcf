using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Government;

/// <summary>
/// The central fund's year: publish the national policy (the minimum pension by its schedule and,
/// after it, by the adjustment rule; the medical premium and subsidy; the poverty line; cost levels;
/// the urban series, the provinces' pools and claims), then record the national accounts and settle the provinces.
/// </summary>
public static class CentralFundRules
{
    /// <summary>The minimum pension in a year, in yuan a month, given last year's.</summary>
    public static double MinimumPensionYuan(ModelParameters p, CentralState state, int year)
    {
        var schedule = p.Pension.MinimumMonthlyYuan;
        if (year <= schedule.LastYear) return schedule.ValueAt(year);
        double previous = state.LastMinimumYuan > 0 ? state.LastMinimumYuan : MinimumPensionYuan(p, state, year - 1);
        return p.Central.MinimumRule switch
        {
            MinimumRule.Hold => previous,
            MinimumRule.Prices => previous * (1 + p.Central.PriceInflation),
            MinimumRule.RuralIncome => previous * IncomeGrowthFactor(p, state),
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Central.MinimumRule, "unknown minimum rule"),
        };
    }

    private static double IncomeGrowthFactor(ModelParameters p, CentralState state) =>
        state.PreviousDisposablePerCapitaYuan > 0
            ? state.LastDisposablePerCapitaYuan / state.PreviousDisposablePerCapitaYuan
            : 1 + p.Income.LongRunGrowthRate;

    /// <summary>The national policy in force in a year, and the state that remembers the minimum paid.</summary>
    public static (NationalPolicy Policy, CentralState Next) OpenYear(ModelParameters p, CentralState state, int year)
    {
        double minimum = MinimumPensionYuan(p, state, year);
        var medical = p.Medical;
        var health = p.Health;
        double costIndex = Math.Pow(1 + health.CostGrowth, year - health.CostYear);
        var policy = new NationalPolicy
        {
            Year = year,
            Parameters = p,
            MinimumPensionMonthlyFen = Money.FromYuan(minimum),
            MedicalPremiumFen = Money.FromYuan(medical.PremiumYuan.ValueAt(year, medical.GrowthAfterSchedule)),
            MedicalSubsidyFen = Money.FromYuan(medical.SubsidyYuan.ValueAt(year, medical.GrowthAfterSchedule)),
            PovertyLineFen = Money.FromYuan(p.Welfare.PovertyLineYuan * Math.Pow(1 + p.Central.PriceInflation, year - p.Welfare.PovertyLineYear)),
            AdmissionCostYuan = health.CostPerAdmissionYuan * costIndex,
            MedicalCostIndex = costIndex,
            UrbanIncomePerCapitaYuan = p.Urban.IncomePerCapitaYuan.ValueAt(year, p.Urban.IncomeGrowth),
            UrbanPensionMonthlyYuan = p.Urban.EmployeePensionMonthlyYuan.ValueAt(year, p.Urban.EmployeePensionGrowth),
            ProvincialPoolFen = state.ProvincialPoolFen,
            ProvincialClaimsFen = state.ProvincialClaimsFen,
        };
        return (policy, state with { LastMinimumYuan = minimum });
    }

    /// <summary>
    /// National sums of the county ledgers (integer sums: the order of counties does not matter), and the
    /// provinces' settlement (<see cref="ProvincialRules.Settle"/>): the pools and claims they pay next year.
    /// </summary>
    public static (NationalAccounts Accounts, CentralState Next) CloseYear(NationalPolicy policy, CentralState state, IReadOnlyCollection<CountyLedger> ledgers)
    {
        var (pool, claims, released) = ProvincialRules.Settle(state, ledgers);
        long persons = ledgers.Sum(l => l.Persons);
        long disposable = ledgers.Sum(l => l.DisposableIncomeFen);
        var accounts = new NationalAccounts
        {
            Year = policy.Year,
            MinimumPensionMonthlyFen = policy.MinimumPensionMonthlyFen,
            MedicalPremiumFen = policy.MedicalPremiumFen,
            PovertyLineFen = policy.PovertyLineFen,
            UrbanIncomePerCapitaYuan = policy.UrbanIncomePerCapitaYuan,
            UrbanPensionMonthlyYuan = policy.UrbanPensionMonthlyYuan,
            CentralSpendingFen = ledgers.Sum(l => l.CentralSpendingFen),
            LocalSpendingFen = ledgers.Sum(l => l.LocalSpendingFen),
            ContributionsFen = ledgers.Sum(l => l.ContributionsFen),
            PensionFundBalanceFen = ledgers.Sum(l => l.AccountBalanceFen),
            MedicalFundBalanceFen = ledgers.Sum(l => l.MedicalFundFen),
            DivertedFen = ledgers.Sum(l => l.DivertedFen),
            PoolReleasedFen = released,
            Persons = persons,
            DisposableIncomeFen = disposable,
        };
        var next = state with
        {
            PreviousDisposablePerCapitaYuan = state.LastDisposablePerCapitaYuan,
            LastDisposablePerCapitaYuan = persons == 0 ? state.LastDisposablePerCapitaYuan : Money.ToYuan(disposable) / persons,
            ProvincialPoolFen = pool,
            ProvincialClaimsFen = claims,
        };
        return (accounts, next);
    }
}
