using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Government;

/// <summary>The central fund's year: publish the national policy, then record the national accounts.</summary>
public static class CentralFundRules
{
    /// <summary>The national policy in force in a year: the minimum pension from its schedule and the central shares.</summary>
    public static NationalPolicy OpenYear(ModelParameters p, int year) =>
        new(year, Money.FromYuan(p.Pension.MinimumMonthlyYuan.ValueAt(year)), p.Pension.CentralShareOfMinimum);

    /// <summary>National sums of the county ledgers (integer sums: the order of counties does not matter).</summary>
    public static NationalAccounts CloseYear(NationalPolicy policy, IReadOnlyCollection<CountyLedger> ledgers) => new()
    {
        Year = policy.Year,
        MinimumPensionMonthlyFen = policy.MinimumPensionMonthlyFen,
        CentralSpendingFen = ledgers.Sum(l => l.CentralSpendingFen),
        LocalSpendingFen = ledgers.Sum(l => l.LocalSpendingFen),
        ContributionsFen = ledgers.Sum(l => l.ContributionsFen),
        FundBalanceFen = ledgers.Sum(l => l.AccountBalanceFen),
    };
}
