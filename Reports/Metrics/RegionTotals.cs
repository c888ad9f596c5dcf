using EcosystemSim.Model;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// Integer sums of the year's records over one region (or all): computed once per year and
/// region, in household id order, then read by every metric of the registry.
/// </summary>
public sealed class RegionTotals
{
    public long Households { get; private set; }
    public long Persons { get; private set; }
    public long Elderly { get; private set; }
    public long PensionEligible { get; private set; }
    public long PensionContributors { get; private set; }
    public long PensionLowestTier { get; private set; }
    public long PensionEnrolled { get; private set; }
    public long PensionRecipients { get; private set; }
    public long PensionMonthlyFen { get; private set; }
    public long ContributionFen { get; private set; }
    public long AccountBalanceFen { get; private set; }
    public long MarketIncomeFen { get; private set; }
    public long CentralSpendingFen { get; private set; }
    public long LocalSpendingFen { get; private set; }

    /// <summary>Totals over the households (and counties) for which <paramref name="include"/> holds.</summary>
    public static RegionTotals Of(YearRecords year, Func<Region, bool> include)
    {
        var t = new RegionTotals();
        foreach (var r in year.Households)
        {
            if (!include(r.Region)) continue;
            t.Add(r);
        }
        foreach (var ledger in year.Ledgers)
        {
            if (!include(ledger.Region)) continue;
            t.CentralSpendingFen += ledger.CentralSpendingFen;
            t.LocalSpendingFen += ledger.LocalSpendingFen;
        }
        return t;
    }

    private void Add(in HouseholdYearRecord r)
    {
        Households++;
        Persons += r.Members;
        Elderly += r.Elderly;
        PensionEligible += r.PensionEligible;
        PensionContributors += r.PensionContributors;
        PensionLowestTier += r.PensionLowestTier;
        PensionEnrolled += r.PensionEnrolled;
        PensionRecipients += r.PensionRecipients;
        PensionMonthlyFen += r.PensionMonthlyFen;
        ContributionFen += r.ContributionFen;
        AccountBalanceFen += r.AccountBalanceFen;
        MarketIncomeFen += r.MarketIncomePerCapitaFen * r.Members;
    }
}
