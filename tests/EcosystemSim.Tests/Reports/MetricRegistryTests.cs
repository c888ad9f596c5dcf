using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Metrics;

namespace EcosystemSim.Tests.Reports;

public class MetricRegistryTests
{
    private static YearRecords TwoHouseholds() => new(2021,
        [
            new HouseholdYearRecord
            {
                HouseholdId = 0, Region = Region.East, Members = 3, PensionEligible = 2, PensionContributors = 1,
                PensionLowestTier = 1, PensionEnrolled = 2, Elderly = 1, PensionRecipients = 1, PensionMonthlyFen = 300_00,
                MarketIncomeFen = 3 * 20_000_00, DisposableIncomeFen = 3 * 21_000_00, AccountBalanceFen = 1_000_00,
                MedicalEnrolled = 3, DibaoReceiving = true, DibaoEligible = false, Catastrophic = true, Awareness = 0.5, Trust = 0.8,
            },
            new HouseholdYearRecord
            {
                HouseholdId = 1, Region = Region.West, Members = 2, PensionEligible = 2, PensionContributors = 2,
                PensionLowestTier = 1, PensionEnrolled = 2, Elderly = 0, PensionRecipients = 0,
                MarketIncomeFen = 2 * 10_000_00, DisposableIncomeFen = 2 * 9_000_00, AccountBalanceFen = 500_00,
                MedicalEnrolled = 1, DibaoEligible = true, InPoverty = true, Awareness = 1.0, Trust = 0.3,
            },
        ],
        [new CountyLedger { CountyId = 0, Region = Region.East, CentralMinimumPensionFen = 558_00, TopUpFen = 100_00, PaymentRatio = 1 }],
        new NationalAccounts { Year = 2021, MinimumPensionMonthlyFen = 93_00, UrbanPensionMonthlyYuan = 3000, UrbanIncomePerCapitaYuan = 40_000, PovertyLineFen = 10_000_00 },
        Weight: 10);

    private static double Value(string metric, string region) =>
        MetricRegistry.Compute(TwoHouseholds(), 0).Single(r => r.Metric == metric && r.Region == region).Value;

    [Theory]
    [InlineData("pension_contribution_rate", "national", 0.75)]
    [InlineData("pension_contribution_rate", "east", 0.5)]
    [InlineData("pension_contribution_rate", "west", 1.0)]
    [InlineData("pension_recipient_rate", "national", 1.0)]
    [InlineData("pension_participants", "national", 50.0)] // (4 enrolled + 1 recipient) * weight 10
    [InlineData("pension_beneficiaries", "national", 10.0)]
    [InlineData("pension_lowest_tier_share", "national", 2 / 3.0)]
    [InlineData("avg_monthly_pension_yuan", "national", 300.0)]
    [InlineData("min_basic_pension_yuan", "west", 93.0)]
    [InlineData("mean_market_income_per_capita_yuan", "national", 16_000.0)] // (3 * 20,000 + 2 * 10,000) / 5 persons
    [InlineData("mean_income_per_capita_yuan", "national", 16_200.0)] // (3 * 21,000 + 2 * 9,000) / 5
    [InlineData("median_income_per_capita_yuan", "national", 21_000.0)] // 3 persons at 21,000, 2 at 9,000
    [InlineData("urban_rural_income_ratio", "national", 40_000 / 16_200.0)]
    [InlineData("urban_rural_pension_ratio", "national", 10.0)] // 3,000 / 300
    [InlineData("medical_enrollment_rate", "national", 0.8)]
    [InlineData("dibao_recipient_rate", "national", 0.6)]
    [InlineData("dibao_exclusion_error", "national", 1.0)] // the eligible household does not receive
    [InlineData("dibao_inclusion_error", "national", 1.0)] // the recipient household is not eligible
    [InlineData("catastrophic_health_rate", "national", 0.5)] // one household of two
    [InlineData("poverty_headcount", "national", 0.4)] // 2 persons at 9,000 of 5, line 10,000
    [InlineData("poverty_gap", "national", 0.04)] // 2 * 0.1 / 5
    [InlineData("poverty_severity", "national", 0.004)] // 2 * 0.01 / 5
    [InlineData("gini_post_transfer", "national", 144_000 / 810_000.0)] // 12 ordered pairs differ by 12,000; 2 * 25 * 16,200
    [InlineData("gini_market", "national", 0.15)] // 12 * 10,000 / (2 * 25 * 16,000)
    [InlineData("redistributive_effect", "national", 0.15 - 144_000 / 810_000.0)]
    [InlineData("gini_post_transfer", "east", 0.0)]
    [InlineData("theil_between_regions", "national", 0.07122278206570604)] // 7/9 ln(21,000/16,200) + 2/9 ln(9,000/16,200)
    [InlineData("theil_within_regions", "national", 0.0)] // each region is equal within
    [InlineData("income_share_q1", "national", 9_000 / 81_000.0)] // the poorest fifth is one person at 9,000
    [InlineData("pension_contribution_rate_q2", "national", 1.0)] // the west household (2 of 5 persons, poorer) has its midpoint at 20%: q2
    [InlineData("avg_awareness", "national", 0.7)] // (3 * 0.5 + 2 * 1.0) / 5
    [InlineData("avg_trust", "national", 0.6)] // (3 * 0.8 + 2 * 0.3) / 5
    [InlineData("population", "national", 50.0)]
    [InlineData("elderly_share", "national", 0.2)]
    [InlineData("central_spending_yuan", "east", 5580.0)]
    [InlineData("local_spending_yuan", "national", 1000.0)] // the top-up of 100 yuan, weight 10
    [InlineData("pension_fund_balance_yuan", "national", 15_000.0)]
    public void Metrics_have_their_hand_computed_values(string metric, string region, double expected) =>
        Assert.Equal(expected, Value(metric, region), 9);

    [Fact]
    public void Deaths_in_households_that_became_empty_are_still_counted()
    {
        var year = TwoHouseholds();
        var withEmpty = year with { Households = [.. year.Households, new HouseholdYearRecord { HouseholdId = 2, Region = Region.West, Members = 0, Deaths = 1 }] };
        double deaths = MetricRegistry.Compute(withEmpty, 0).Single(r => r.Metric == "crude_death_rate" && r.Region == "national").Value;
        Assert.Equal(1 / 5.0, deaths, 12);
    }

    [Fact]
    public void A_rate_with_nobody_in_the_denominator_is_NaN_not_zero() =>
        Assert.True(double.IsNaN(Value("pension_recipient_rate", "west")));

    [Fact]
    public void Every_region_gets_every_metric_in_registry_order()
    {
        var rows = MetricRegistry.Compute(TwoHouseholds(), 3).ToList();
        var national = MetricRegistry.All.Where(m => (m.Scope & MetricScope.National) != 0).Select(m => m.Name).ToList();
        var regional = MetricRegistry.All.Where(m => (m.Scope & MetricScope.Regions & ~MetricScope.National) != 0).Select(m => m.Name).ToList();
        var groups = MetricRegistry.All.Where(m => (m.Scope & MetricScope.Groups) != 0).Select(m => m.Name).ToList();
        var deciles = MetricRegistry.All.Where(m => (m.Scope & MetricScope.Deciles) != 0).Select(m => m.Name).ToList();
        Assert.Equal(national.Count + 4 * regional.Count + PersonGroups.All.Count * groups.Count + 10 * deciles.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(3, r.Replication));
        Assert.Equal(national, rows.Where(r => r.Region == "national").Select(r => r.Metric));
        Assert.Equal(regional, rows.Where(r => r.Region == "west").Select(r => r.Metric));
        Assert.Equal(groups, rows.Where(r => r.Region == "age:60+").Select(r => r.Metric));
        Assert.Equal(["national", "east", "central", "west", "northeast", "age:0-15", "age:16-59", "age:60+", "household:elderly_only", "household:with_children", "household:dibao",
            .. Enumerable.Range(1, 10).Select(d => $"decile:{d}")],
            rows.Select(r => r.Region).Distinct());
        Assert.Equal(MetricRegistry.All.Count, MetricRegistry.All.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void The_csv_is_tidy_invariant_and_round_trips_doubles()
    {
        var table = new MetricsTable();
        table.AddRange([new MetricRow(0, 2021, "national", "x", 0.1 + 0.2), new MetricRow(1, 2022, "east", "y", double.NaN)]);
        string csv = table.ToCsv();
        Assert.Equal("replication,year,region,metric,value\n0,2021,national,x,0.30000000000000004\n1,2022,east,y,NaN\n", csv);
    }

    [Fact]
    public void Insurer_and_product_rows_are_named_by_their_ids()
    {
        var p = new EcosystemSim.Model.Parameters.ModelParameters();
        var year = TwoHouseholds() with { Parameters = p };
        var regions = MetricRegistry.Compute(year, 0).Select(r => r.Region).Distinct().ToList();
        Assert.Contains("insurer:insurer_a", regions);
        Assert.Contains("product:pension_c", regions);
        Assert.Equal(5 + PersonGroups.All.Count + 10 + p.Market.Insurers.Length + p.Market.Products.Length, regions.Count);
    }
}
