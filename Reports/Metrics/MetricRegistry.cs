using EcosystemSim.Model;
using static EcosystemSim.Reports.Metrics.MetricInput;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// Every metric the model reports, declared once and computed at one point: for each year, for
/// the nation and for each region, from the year's records. Rates are shares of persons unless
/// the description says otherwise; counts and money are weighted up to the real rural population.
/// </summary>
public static class MetricRegistry
{
    private static double Yuan(long fen, MetricInput m) => Money.ToYuan(fen) * m.Weight;

    /// <summary>
    /// Relative poverty lines, in per cent of the national median, reported side by side rather than
    /// chosen: 50% is the OECD's relative poverty line, 60% the EU's at-risk-of-poverty threshold, and
    /// Eurostat publishes rates at 40% as well (China has not adopted a relative line).
    /// </summary>
    public static readonly int[] RelativePovertyShares = [40, 50, 60];

    public static IReadOnlyList<MetricDefinition> All { get; } = Declare();

    private static IReadOnlyList<MetricDefinition> Declare() =>
    [
        // Population.
        new("population", "persons", "Rural residents (weighted).",
            m => m.Totals.Persons * m.Weight, MetricScope.Everywhere),
        new("elderly_share", "share", "Residents at or above the pension age, over all residents.",
            m => Ratio(m.Totals.Elderly, m.Totals.Persons)),
        new("migrant_share", "share", "Working-age residents (16 to below the pension age) who work away from home.",
            m => Ratio(m.Totals.Migrants, m.Totals.WorkingAge)),
        new("crude_death_rate", "per person", "Deaths in the year over residents at the end of the year.",
            m => Ratio(m.Totals.Deaths, m.Totals.Persons)),
        new("crude_birth_rate", "per person", "Births in the year over residents at the end of the year.",
            m => Ratio(m.Totals.Births, m.Totals.Persons)),
        new("urbanisation_rate", "per person", "Residents who left the rural population for good in the year, over residents at the end of the year.",
            m => Ratio(m.Totals.LeftRural, m.Totals.Persons)),

        // Coverage.
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
        new("medical_enrollment_rate", "share", "Residents enrolled in the resident basic medical insurance.",
            m => Ratio(m.Totals.MedicalEnrolled, m.Totals.Persons)),
        new("medical_coverage_rate", "share", "Residents covered by a basic medical insurance: enrolled in the resident insurance or, working away, insured in the employee insurance.",
            m => Ratio(m.Totals.MedicalEnrolled + m.Totals.EmployeeMedical, m.Totals.Persons)),
        new("medical_insured_at_work_share", "share", "Residents working away who are insured in the urban employee medical insurance rather than the resident insurance, over all residents.",
            m => Ratio(m.Totals.EmployeeMedical, m.Totals.Persons)),
        new("medical_enrollment_rate_young_healthy", "share", "Resident-insurance enrolment among residents under 45 without a chronic condition and not insured at work (the first to drop out when premiums rise).",
            m => Ratio(m.Totals.YoungHealthyEnrolled, m.Totals.YoungHealthy)),
        new("dibao_recipient_rate", "share", "Residents in households receiving dibao.",
            m => Ratio(m.Totals.DibaoReceivingPersons, m.Totals.Persons), MetricScope.Everywhere),
        new("dibao_standard_monthly_yuan", "yuan/person/month", "The dibao standard, averaged over residents.",
            m => Ratio(Money.ToYuan((long)Math.Round(m.Totals.DibaoStandardPersonFen)) / 12, m.Totals.LedgerPersons)),
        new("dibao_exclusion_error", "share", "Residents of eligible households (income with pensions below the standard) who do not receive dibao, over residents of eligible households.",
            m => Ratio(m.Totals.DibaoEligiblePersons - m.Totals.DibaoEligibleReceivingPersons, m.Totals.DibaoEligiblePersons)),
        new("dibao_inclusion_error", "share", "Residents of recipient households that are not eligible, over residents of recipient households.",
            m => Ratio(m.Totals.DibaoReceivingPersons - m.Totals.DibaoEligibleReceivingPersons, m.Totals.DibaoReceivingPersons)),

        // Adequacy.
        new("avg_monthly_pension_yuan", "yuan/month", "Average monthly resident pension over recipients (minimum + local top-up + account pension).",
            m => Ratio(Money.ToYuan(m.Totals.PensionMonthlyFen), m.Totals.PensionRecipients)),
        new("min_basic_pension_yuan", "yuan/month", "The central minimum basic pension in force.",
            m => Money.ToYuan(m.Year.National.MinimumPensionMonthlyFen)),
        new("pension_replacement_rate", "ratio", "The average resident pension (a year's worth) over mean per-capita disposable income.",
            m => Ratio(12 * Ratio(Money.ToYuan(m.Totals.PensionMonthlyFen), m.Totals.PensionRecipients),
                Ratio(Money.ToYuan(m.Totals.DisposableIncomeFen), m.Totals.Persons))),
        new("urban_rural_pension_ratio", "ratio", "The average urban-employee pension over the average resident pension.",
            m => Ratio(m.Year.National.UrbanPensionMonthlyYuan, Ratio(Money.ToYuan(m.Totals.PensionMonthlyFen), m.Totals.PensionRecipients))),
        new("admissions_per_100", "admissions/100 persons", "Hospital admissions in the year per 100 residents.",
            m => 100 * Ratio(m.Totals.Admissions, m.Totals.Persons)),
        new("admissions_per_100_enrollees", "admissions/100 enrollees", "Admissions of enrollees in the year per 100 members enrolled in the resident medical insurance.",
            m => 100 * Ratio(m.Totals.AdmissionsEnrolled, m.Totals.MedicalEnrolled)),
        new("uncovered_admission_share", "share", "Admissions not covered by insurance (not enrolled, or in a waiting period), over all admissions.",
            m => Ratio(m.Totals.AdmissionsUncovered, m.Totals.Admissions)),
        new("medical_spending_per_capita_yuan", "yuan/person/year", "Medical spending (inpatient and outpatient, all payers) per resident.",
            m => Ratio(Money.ToYuan(m.Totals.MedicalCostFen), m.Totals.Persons)),
        new("medical_oop_per_capita_yuan", "yuan/person/year", "Out-of-pocket medical spending per resident.",
            m => Ratio(Money.ToYuan(m.Totals.OutOfPocketFen), m.Totals.Persons)),
        new("medical_oop_share", "share", "Out-of-pocket spending over total medical spending (inpatient and outpatient).",
            m => Ratio(m.Totals.OutOfPocketFen, m.Totals.MedicalCostFen)),
        new("catastrophic_health_rate", "share of households", "Households whose out-of-pocket medical spending is at least 40% of their capacity to pay (a share of households, as in the survey literature).",
            m => Ratio(m.Totals.CatastrophicHouseholds, m.Totals.Households)),
        new("impoverished_by_illness_rate", "share", "Residents at or above the poverty line on disposable income but below it on what is left once medical bills are paid (disposable income without medical reimbursements, less out-of-pocket spending).",
            m => Ratio(m.Totals.ImpoverishedPersons, m.Totals.Persons)),
        new("chronic_share", "share", "Residents with a chronic condition.",
            m => Ratio(m.Totals.Chronic, m.Totals.Persons)),

        // Income.
        new("mean_income_per_capita_yuan", "yuan/person/year", "Mean per-capita disposable income over persons (NBS definition: market income including remittances, plus public transfers, less contributions and premiums).",
            m => Ratio(Money.ToYuan(m.Totals.DisposableIncomeFen), m.Totals.Persons), MetricScope.Everywhere),
        new("median_income_per_capita_yuan", "yuan/person/year", "Median per-capita disposable income over persons.",
            m => m.Disposable.Median(), MetricScope.RegionsAndGroups),
        new("mean_market_income_per_capita_yuan", "yuan/person/year", "Mean per-capita market income (earnings and remittances) over persons, before public transfers.",
            m => Ratio(Money.ToYuan(m.Totals.MarketIncomeFen), m.Totals.Persons), MetricScope.Everywhere),
        new("urban_rural_income_ratio", "ratio", "Urban per-capita disposable income over rural mean_income_per_capita_yuan.",
            m => Ratio(m.Year.National.UrbanIncomePerCapitaYuan, Ratio(Money.ToYuan(m.Totals.DisposableIncomeFen), m.Totals.Persons))),

        // Poverty.
        new("poverty_line_yuan", "yuan/person/year", "The poverty line in force (indexed to prices).",
            m => Money.ToYuan(m.Year.National.PovertyLineFen)),
        new("poverty_headcount", "share", "FGT(0): residents of households whose per-capita disposable income is below the poverty line.",
            m => m.Disposable.Fgt(Money.ToYuan(m.Year.National.PovertyLineFen), 0), MetricScope.RegionsAndGroups),
        new("poverty_gap", "share of the line", "FGT(1): the mean shortfall of per-capita disposable income below the poverty line, as a share of the line, over all residents.",
            m => m.Disposable.Fgt(Money.ToYuan(m.Year.National.PovertyLineFen), 1), MetricScope.RegionsAndGroups),
        new("poverty_severity", "share of the line, squared", "FGT(2): the mean squared shortfall below the poverty line (weighs the poorest most).",
            m => m.Disposable.Fgt(Money.ToYuan(m.Year.National.PovertyLineFen), 2), MetricScope.RegionsAndGroups),

        .. RelativePovertyShares.Select(share => new MetricDefinition($"relative_poverty_rate_{share}", "share",
            $"Residents of households whose per-capita disposable income is below {share}% of the national median per-capita disposable income of the year (over persons): the same line in every scope.",
            m => m.Disposable.Fgt(share / 100.0 * m.NationalMedian, 0), MetricScope.RegionsAndGroups)),

        // Inequality, over persons: household per-capita income counted once per member, bottom-coded at 1 yuan.
        new("gini_market", "0-1", "Gini coefficient of per-capita market income (earnings and remittances, before public transfers) over persons.",
            m => m.Market.Gini()),
        new("gini_post_transfer", "0-1", "Gini coefficient of per-capita disposable income (after public transfers, contributions and premiums) over persons.",
            m => m.Disposable.Gini(), MetricScope.RegionsAndGroups),
        new("redistributive_effect", "Gini points", "gini_market - gini_post_transfer: how much public transfers and contributions reduce inequality.",
            m => m.Market.Gini() - m.Disposable.Gini()),
        new("theil_t", "index", "Theil T index of per-capita disposable income over persons.",
            m => m.Disposable.TheilT()),
        new("theil_between_regions", "index", "The part of theil_t between the four regions: sum over regions of income share times ln(regional mean / national mean).",
            m => m.Disposable.TheilDecomposition().Between, MetricScope.National),
        new("theil_within_regions", "index", "The part of theil_t within regions: sum over regions of income share times the region's Theil T; between + within = theil_t.",
            m => m.Disposable.TheilDecomposition().Within, MetricScope.National),
        new("atkinson_0_5", "0-1", "Atkinson index of per-capita disposable income with inequality aversion 0.5.",
            m => m.Disposable.Atkinson(0.5)),
        new("atkinson_1", "0-1", "Atkinson index with inequality aversion 1 (one minus the geometric over the arithmetic mean).",
            m => m.Disposable.Atkinson(1)),
        new("atkinson_2", "0-1", "Atkinson index with inequality aversion 2 (one minus the harmonic over the arithmetic mean).",
            m => m.Disposable.Atkinson(2)),
        new("palma", "ratio", "Palma ratio: the disposable income share of the richest 10% of persons over that of the poorest 40%.",
            m => m.Disposable.Palma()),
        .. Enumerable.Range(1, 5).Select(q => new MetricDefinition($"income_share_q{q}", "share",
            $"Share of total disposable income held by the {Ordinal(q)} fifth of persons by per-capita disposable income (q1 poorest), read off the Lorenz curve.",
            m => m.Disposable.QuintileShare(q))),
        .. Enumerable.Range(1, 5).Select(q => new MetricDefinition($"income_mean_q{q}_yuan", "yuan/person/year",
            $"Per-capita disposable income of the {Ordinal(q)} fifth of households ranked by per-capita disposable income (q1 poorest): the group's income over its members, as NBS defines its quintile groups (a fifth of surveyed households each), so the five means average above mean_income_per_capita_yuan where poorer households are larger.",
            m => m.Disposable.ObservationQuintileMean(q))),
        .. Enumerable.Range(1, 5).Select(q => new MetricDefinition($"pension_contribution_rate_q{q}", "share",
            $"pension_contribution_rate among persons in the {Ordinal(q)} fifth by per-capita disposable income (q1 poorest).",
            m => m.RateInQuintile(q, QuintileCount.PensionContributors, QuintileCount.PensionEligible))),
        .. Enumerable.Range(1, 5).Select(q => new MetricDefinition($"medical_enrollment_rate_q{q}", "share",
            $"medical_enrollment_rate among persons in the {Ordinal(q)} fifth by per-capita disposable income (q1 poorest).",
            m => m.RateInQuintile(q, QuintileCount.MedicalEnrolled, QuintileCount.Persons))),

        // Fiscal.
        new("central_spending_yuan", "yuan/year", "Central spending (weighted): its shares of the minimum pension, the local top-up, the medical subsidy and dibao, and transfers to counties (equalisation and the cover of county deficits).",
            m => Yuan(m.Totals.CentralSpendingFen, m)),
        new("local_spending_yuan", "yuan/year", "Local spending (weighted): contribution subsidies, contributions paid for the poor, its shares of the minimum pension and the top-up, account pensions beyond balances, its shares of the medical subsidy and dibao, medical fund deficits, medical assistance, publicity, administration, premium subsidies for supplementary products.",
            m => Yuan(m.Totals.LocalSpendingFen, m)),
        new("local_revenue_yuan", "yuan/year", "Local revenue for social security (weighted): the counties' own revenue plus central equalisation transfers.",
            m => Yuan(m.Totals.RevenueFen + m.Totals.EqualisationFen, m)),
        new("local_reserve_yuan", "yuan", "Reserves of the local social security budgets at the end of the year, after the reserve cap and before next year's cover of shortfalls (weighted; negative is debt).",
            m => Yuan(m.Totals.ReserveFen, m)),
        new("provincial_transfer_yuan", "yuan/year", "Cover of the counties' shortfalls of the year before, received at the start of the year (weighted): from their provinces' pools of handed-up surpluses and from higher levels' budgets (the latter also counts in central spending).",
            m => Yuan(m.Totals.ShortfallCoverFen, m)),
        new("pooled_transfer_yuan", "yuan/year", "The part of provincial_transfer_yuan paid from the provinces' pools, that is from surpluses other counties of the province handed up the year before (weighted).",
            m => Yuan(m.Totals.PooledCoverFen, m)),
        new("surplus_returned_yuan", "yuan/year", "County reserves above the reserve cap that left the social security budgets at the end of the year (weighted): handed up to the province's pool or spent on other things.",
            m => Yuan(m.Totals.SurplusHandedUpFen + m.Totals.SurplusReleasedFen, m)),
        new("dibao_spending_yuan", "yuan/year", "Dibao benefits paid (weighted).",
            m => Yuan(m.Totals.DibaoFen, m)),
        new("pension_contributions_yuan", "yuan/year", "Pension contributions paid by members (weighted).",
            m => Yuan(m.Totals.ContributionFen, m)),
        new("pension_fund_balance_yuan", "yuan", "Individual pension account balances at the end of the year (weighted).",
            m => Yuan(m.Totals.AccountBalanceFen, m)),
        new("medical_fund_balance_yuan", "yuan", "Balances of the county resident medical insurance funds at the end of the year (weighted).",
            m => Yuan(m.Totals.MedicalFundFen, m)),
        new("misappropriated_yuan", "yuan/year", "Funds diverted by local governments in the year (weighted).",
            m => Yuan(m.Totals.DivertedFen, m)),
        new("fiscal_cost_share_of_income", "share", "Public spending on rural social security (central spending other than transfers to counties, plus local spending) over rural market income.",
            m => Ratio(Money.ToYuan(m.Totals.CentralSpendingFen - m.Totals.EqualisationFen + m.Totals.LocalSpendingFen), Money.ToYuan(m.Totals.MarketIncomeFen))),
        new("counties_cutting_share", "share of counties", "Counties that cut or delayed local benefits for lack of money this year, over all counties.",
            m => Ratio(m.Totals.CountiesCutting, m.Totals.Counties)),
        new("scandal_counties", "counties", "Counties where misappropriation was detected this year (unweighted count of simulated counties).",
            m => m.Totals.Scandals),

        // Attitudes.
        new("avg_awareness", "0-1", "Mean insurance awareness over residents.",
            m => Ratio(m.Totals.AwarenessSum, m.Totals.Persons)),
        new("avg_trust", "0-1", "Mean trust in public schemes over residents.",
            m => Ratio(m.Totals.TrustSum, m.Totals.Persons)),

        // Supplementary market.
        .. MarketMetrics.All(),
    ];

    private static string Ordinal(int q) => q switch { 1 => "poorest", 2 => "second", 3 => "middle", 4 => "fourth", _ => "richest" };

    /// <summary>The regions of metrics.csv, in order: national first.</summary>
    public static IReadOnlyList<string> RegionNames { get; } = ["national", .. Regions.Names];

    /// <summary>Whether a name is a scope of metrics.csv's region column: national, a region, a breakdown, a decile, insurer:ID or product:ID.</summary>
    public static bool IsScope(string scope) =>
        RegionNames.Contains(scope) || PersonGroups.All.Any(g => g.Name == scope) || PersonGroups.ByRegion.Any(g => g.Name == scope) || PersonGroups.DecileNames.Contains(scope)
        || (scope.StartsWith("insurer:", StringComparison.Ordinal) && scope.Length > 8) || (scope.StartsWith("product:", StringComparison.Ordinal) && scope.Length > 8);

    /// <summary>What <see cref="IsScope"/> accepts, for messages.</summary>
    public const string ScopesHelp = "national, a region, a breakdown (age:60+, household:dibao, ...), one in a region (west/age:60+), decile:1 ... decile:10, insurer:ID or product:ID";

    /// <summary>
    /// Every metric of one year, in order: national, each region, each insurer (insurer:&lt;id&gt;), each
    /// product (product:&lt;id&gt;); within a scope in registry order. <paramref name="byRegion"/> adds each
    /// breakdown within each region (REGION/BREAKDOWN) after the national ones.
    /// </summary>
    public static IEnumerable<MetricRow> Compute(YearRecords year, int replication, bool byRegion = false)
    {
        var (all, regional) = RegionTotals.All(year);
        foreach (var row in Rows(new MetricInput(year, all), "national", MetricScope.National)) yield return row;
        foreach (var region in Regions.All)
        {
            foreach (var row in Rows(new MetricInput(year, regional[(int)region]) { Region = region }, Regions.Name(region), MetricScope.Regions & ~MetricScope.National))
            {
                yield return row;
            }
        }
        foreach (var group in PersonGroups.All)
        {
            foreach (var row in Rows(new MetricInput(year, RegionTotals.Of(year, group)) { Group = group }, group.Name, MetricScope.Groups)) yield return row;
        }
        foreach (var group in byRegion ? PersonGroups.ByRegion : [])
        {
            foreach (var row in Rows(new MetricInput(year, RegionTotals.Of(year, group)) { Group = group }, group.Name, MetricScope.Groups)) yield return row;
        }
        var deciles = RegionTotals.ByDecile(year);
        for (int d = 0; d < deciles.Length; d++)
        {
            // Metrics of sums only: a decile's input has its totals and no distribution of its own.
            foreach (var row in Rows(new MetricInput(year, deciles[d]) { SumsOnly = true }, PersonGroups.DecileNames[d], MetricScope.Deciles)) yield return row;
        }
        if (year.Parameters is not { } p) yield break;
        for (int i = 0; i < p.Market.Insurers.Length; i++)
        {
            foreach (var row in Rows(new MetricInput(year, all) { Insurer = i }, "insurer:" + p.Market.Insurers[i].Id, MetricScope.Insurer))
            {
                yield return row;
            }
        }
        for (int k = 0; k < p.Market.Products.Length; k++)
        {
            foreach (var row in Rows(new MetricInput(year, all) { Product = k }, "product:" + p.Market.Products[k].Id, MetricScope.Product))
            {
                yield return row;
            }
        }

        IEnumerable<MetricRow> Rows(MetricInput input, string region, MetricScope scope) =>
            All.Where(m => (m.Scope & scope) != 0).Select(m => new MetricRow(replication, year.Year, region, m.Name, m.Compute(input)));
    }
}
