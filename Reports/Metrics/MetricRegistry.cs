using EcosystemSim.Model;
using static EcosystemSim.Reports.Metrics.MetricInput;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// Every metric the model reports, declared once and computed at one point: for each year, for
/// the nation and for each region, from the year's records. Rates are shares of persons; counts
/// and money are weighted up to the real rural population.
/// </summary>
public static class MetricRegistry
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new("population", "persons", "Rural residents (weighted).",
            m => m.Totals.Persons * m.Weight),
        new("elderly_share", "share", "Share of residents at or above the pension age.",
            m => Ratio(m.Totals.Elderly, m.Totals.Persons)),
        new("pension_contribution_rate", "share", "Members who contributed to the resident basic pension this year, over members who may contribute (from 16 to below the pension age, not receiving).",
            m => Ratio(m.Totals.PensionContributors, m.Totals.PensionEligible)),
        new("pension_recipient_rate", "share", "Members receiving the resident basic pension, over members at or above the pension age.",
            m => Ratio(m.Totals.PensionRecipients, m.Totals.Elderly)),
        new("pension_participants", "persons", "Participants (weighted): members below the pension age with at least one year of contributions, plus recipients.",
            m => (m.Totals.PensionEnrolled + m.Totals.PensionRecipients) * m.Weight),
        new("pension_beneficiaries", "persons", "Pension recipients (weighted).",
            m => m.Totals.PensionRecipients * m.Weight),
        new("pension_lowest_tier_share", "share", "Contributors who chose the lowest contribution tier, over all contributors.",
            m => Ratio(m.Totals.PensionLowestTier, m.Totals.PensionContributors)),
        new("avg_monthly_pension_yuan", "yuan/month", "Average monthly resident pension over recipients (minimum + local top-up + account pension).",
            m => Ratio(Money.ToYuan(m.Totals.PensionMonthlyFen), m.Totals.PensionRecipients)),
        new("min_basic_pension_yuan", "yuan/month", "The central minimum basic pension in force.",
            m => Money.ToYuan(m.Year.National.MinimumPensionMonthlyFen)),
        new("mean_market_income_per_capita_yuan", "yuan/person/year", "Mean per-capita market income over persons, before public transfers.",
            m => Ratio(Money.ToYuan(m.Totals.MarketIncomeFen), m.Totals.Persons)),
        new("pension_contributions_yuan", "yuan/year", "Contributions paid by members (weighted).",
            m => Money.ToYuan(m.Totals.ContributionFen) * m.Weight),
        new("central_spending_yuan", "yuan/year", "Central government spending (weighted): its share of the minimum pension.",
            m => Money.ToYuan(m.Totals.CentralSpendingFen) * m.Weight),
        new("local_spending_yuan", "yuan/year", "Local government spending (weighted): subsidies, its share of the minimum pension, top-ups, account pensions beyond the balance.",
            m => Money.ToYuan(m.Totals.LocalSpendingFen) * m.Weight),
        new("pension_fund_balance_yuan", "yuan", "Individual account balances at the end of the year (weighted).",
            m => Money.ToYuan(m.Totals.AccountBalanceFen) * m.Weight),
    ];

    /// <summary>The regions of metrics.csv, in order: national first.</summary>
    public static IReadOnlyList<string> RegionNames { get; } = ["national", .. Regions.All.Select(Regions.Name)];

    /// <summary>Every metric for every region of one year, in registry order.</summary>
    public static IEnumerable<MetricRow> Compute(YearRecords year, int replication)
    {
        var scopes = new List<(string Name, RegionTotals Totals)> { ("national", RegionTotals.Of(year, _ => true)) };
        scopes.AddRange(Regions.All.Select(r => (Regions.Name(r), RegionTotals.Of(year, x => x == r))));
        foreach (var (name, totals) in scopes)
        {
            var input = new MetricInput(year, totals);
            foreach (var metric in All) yield return new MetricRow(replication, year.Year, name, metric.Name, metric.Compute(input));
        }
    }
}
