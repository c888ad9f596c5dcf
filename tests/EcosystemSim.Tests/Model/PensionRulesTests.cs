using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Pension;
using EcosystemSim.Model.Random;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

public class PensionRulesTests
{
    private static readonly PensionParameters Defaults = new();

    /// <summary>Steps one member through the given years and returns each year's record.</summary>
    private static List<HouseholdYearRecord> Live(HouseholdState household, ModelParameters p, int from, int to, double topUpYuan = 0)
    {
        var records = new List<HouseholdYearRecord>();
        for (int year = from; year <= to; year++)
        {
            var record = new HouseholdYearRecord();
            PensionRules.StepMember(ref household.Members[0], household, TestWorld.Context(year, p, household.Region, topUpYuan), ref record);
            records.Add(record);
        }
        return records;
    }

    [Fact]
    public void Fifteen_years_at_tier_100_with_subsidy_30_give_1950_yuan_and_a_pension_of_minimum_plus_balance_over_139()
    {
        var p = TestWorld.AlwaysLowestTier(interest: 0) with { Central = new CentralParameters { MinimumRule = MinimumRule.Hold } };
        var household = TestWorld.Household(Region.West, 18_000, new MemberState { BirthYear = 1976 });

        var working = Live(household, p, 2021, 2035);
        Assert.All(working, r =>
        {
            Assert.Equal(1, r.PensionContributors);
            Assert.Equal(100_00, r.ContributionFen);
            Assert.Equal(30_00, r.SubsidyFen);
        });
        Assert.Equal(1950_00, household.Members[0].AccountFen);
        Assert.Equal(15, household.Members[0].YearsContributed);

        var retired = Live(household, p, 2036, 2036, topUpYuan: 25)[0];
        Assert.Equal(PensionStatus.Receiving, household.Members[0].PensionStatus);
        Assert.Equal(14_03, household.Members[0].AnnuityFen); // 1,950 / 139 = 14.03 yuan
        Assert.Equal(163_00 + 25_00 + 14_03, retired.PensionMonthlyFen); // minimum from 2026 + top-up + account
        Assert.Equal(12 * 14_03, retired.AnnuityFen);
        Assert.Equal(1950_00 - 12 * 14_03, household.Members[0].AccountFen);
    }

    [Fact]
    public void A_shorter_vesting_period_reaches_members_already_contributing()
    {
        var p = new ModelParameters { Pension = new PensionParameters { VestingYears = 10, MakeUpPropensity = 0 } };
        var household = TestWorld.Household(Region.West, 18_000, new MemberState { BirthYear = 1961, YearsContributed = 10 });
        Live(household, p, 2021, 2021);
        Assert.Equal(PensionStatus.Receiving, household.Members[0].PensionStatus);
    }

    [Fact]
    public void Interest_compounds_on_the_account()
    {
        var p = TestWorld.AlwaysLowestTier(interest: 0.025);
        var household = TestWorld.Household(Region.West, 18_000, new MemberState { BirthYear = 1976 });
        Live(household, p, 2021, 2035);
        // 130 yuan a year for 15 years at 2.5%: 130 * (1.025^15 - 1) / 0.025 = 2,331.15 yuan.
        Assert.InRange(Money.ToYuan(household.Members[0].AccountFen), 2331.05, 2331.25);
        Live(household, p, 2036, 2036);
        // The balance earns a last year's interest before retirement: 2,331.15 * 1.025 / 139 = 17.19 yuan.
        Assert.InRange(Money.ToYuan(household.Members[0].AnnuityFen), 17.18, 17.20);
    }

    [Theory]
    [InlineData(1940, 2009, 0)] // already 60 when the scheme started: receives without contributing
    [InlineData(1949, 2009, 0)]
    [InlineData(1955, 2009, 6)] // 54 at the start: pays the six remaining years
    [InlineData(1960, 2009, 11)]
    [InlineData(1965, 2009, 15)] // 44 at the start: the full fifteen
    [InlineData(1995, 2009, 15)]
    [InlineData(1962, 2012, 10)] // a later county start shortens the older cohorts' requirement
    public void Older_cohorts_need_fewer_years(int birthYear, int schemeStart, int expected) =>
        Assert.Equal(expected, PensionRules.RequiredYears(birthYear, schemeStart, Defaults));

    [Theory]
    [InlineData(100, 20, 1.0, 30_00)] // below the floor: the floor of 30 yuan
    [InlineData(100, 30, 1.5, 45_00)]
    [InlineData(400, 45, 1.0, 45_00)]
    [InlineData(500, 50, 1.0, 60_00)] // 500 and above: at least 60 yuan
    [InlineData(2000, 120, 1.5, 180_00)]
    public void Subsidies_respect_the_legal_floors(int tier, double schedule, double multiplier, long expectedFen) =>
        Assert.Equal(expectedFen, PensionRules.SubsidyFen(tier, schedule, multiplier, Defaults));

    [Theory]
    [InlineData(Region.East, 0.5)]
    [InlineData(Region.Central, 1.0)]
    [InlineData(Region.West, 1.0)]
    public void The_centre_pays_all_of_the_minimum_in_the_centre_and_west_and_half_in_the_east(Region region, double share)
    {
        var p = new ModelParameters();
        var county = TestWorld.County(region);
        var context = TestWorld.Context(2021, p, region);
        var records = new[]
        {
            new HouseholdYearRecord { Members = 2, Elderly = 2, PensionRecipients = 2, MinimumPensionFen = 2 * 12 * 93_00, TopUpFen = 2 * 12 * 10_00 },
        };
        var (ledger, _) = LocalGovernmentRules.CloseYear(1, county, TestWorld.CountyState(p, region), context, records);
        long minimum = 2 * 12 * 93_00;
        Assert.Equal((long)(minimum * share), ledger.CentralMinimumPensionFen);
        Assert.Equal(minimum - (long)(minimum * share), ledger.LocalMinimumPensionFen);
        Assert.Equal(2 * 12 * 10_00, ledger.TopUpFen);
        Assert.Equal(ledger.LocalMinimumPensionFen + ledger.TopUpFen + ledger.PublicityFen + ledger.AdministrationFen, ledger.LocalSpendingFen);
    }

    [Fact]
    public void A_member_who_reaches_60_short_of_years_and_does_not_make_them_up_gets_nothing()
    {
        // Born 1961, 48 when the scheme started in 2009: 12 years required.
        var p = new ModelParameters { Pension = new PensionParameters { MakeUpPropensity = 0 } };
        var household = TestWorld.Household(Region.Central, 18_000,
            new MemberState { BirthYear = 1961, YearsContributed = 9, AccountFen = 1200_00 });
        var record = Live(household, p, 2021, 2021)[0];
        Assert.Equal(PensionStatus.NotEntitled, household.Members[0].PensionStatus);
        Assert.Equal(0, record.PensionRecipients);
        Assert.Equal(0, record.PensionMonthlyFen);
    }

    [Fact]
    public void A_member_who_makes_up_the_missing_years_pays_them_at_the_lowest_tier_and_receives()
    {
        var p = new ModelParameters { Pension = new PensionParameters { MakeUpPropensity = 1, AccountInterestRate = 0 } };
        var household = TestWorld.Household(Region.Central, 18_000,
            new MemberState { BirthYear = 1961, YearsContributed = 9, AccountFen = 1200_00 });
        var record = Live(household, p, 2021, 2021)[0];
        Assert.Equal(PensionStatus.Receiving, household.Members[0].PensionStatus);
        Assert.Equal(3 * 100_00, record.MakeUpFen); // 12 required, 9 paid
        Assert.Equal(Money.DivideRounded(1500_00, 139), household.Members[0].AnnuityFen);
        Assert.Equal(1, record.PensionRecipients);
    }

    [Fact]
    public void Arrears_are_not_paid_when_they_exceed_what_the_household_can_afford()
    {
        var p = new ModelParameters { Pension = new PensionParameters { MakeUpPropensity = 1, MakeUpAffordableShare = 0.01 } };
        var household = TestWorld.Household(Region.Central, 2_000,
            new MemberState { BirthYear = 1961, YearsContributed = 0 });
        Live(household, p, 2021, 2021);
        Assert.Equal(PensionStatus.NotEntitled, household.Members[0].PensionStatus);
    }

    [Fact]
    public void Most_contributors_choose_the_lowest_tier_and_richer_ones_less_often()
    {
        var p = new ModelParameters();
        long[] subsidies = TestWorld.Context(2021, p).Local.SubsidyByTierFen;
        double LowestShare(double income) => Enumerable.Range(0, 20_000)
            .Count(i => PensionRules.ChooseTier(p.Pension, subsidies, income, new Rng(1, Entity.Member(i, 0), 2021, RngStream.PensionTier)) == 0) / 20_000.0;
        double median = LowestShare(16_000), rich = LowestShare(60_000);
        Assert.True(median > 0.5, $"lowest-tier share at the median income {median:P1}");
        Assert.True(rich < median - 0.2, $"lowest-tier share at 60,000 yuan {rich:P1}, at 16,000 {median:P1}");
    }

    [Fact]
    public void Awareness_trust_peers_and_habit_raise_the_odds_of_contributing_and_vesting_lowers_them()
    {
        var b = new ParticipationParameters();
        double Odds(double aware = 0.5, double trust = 0.5, double peer = 0.5, bool habit = false, bool vested = false) =>
            PensionRules.ParticipationLogOdds(b, aware, trust, peer, habit, vested, 0, 0.5);
        Assert.True(Odds(aware: 0.9) > Odds());
        Assert.True(Odds(trust: 0.9) > Odds());
        Assert.True(Odds(peer: 0.9) > Odds());
        Assert.True(Odds(habit: true) > Odds());
        Assert.True(Odds(vested: true) < Odds());
    }

    [Fact]
    public void History_gives_the_old_a_pension_without_contributions_and_the_young_a_partial_record()
    {
        var p = new PensionParameters();
        var old = new MemberState { BirthYear = 1940 };
        PensionRules.InitialiseFromHistory(ref old, Entity.Member(1, 0), 2009, p, 7, 2021);
        Assert.Equal(PensionStatus.Receiving, old.PensionStatus);
        Assert.Equal(0, old.AnnuityFen);

        var young = new MemberState { BirthYear = 1995 };
        PensionRules.InitialiseFromHistory(ref young, Entity.Member(1, 1), 2009, p, 7, 2021);
        Assert.Equal(PensionStatus.Accumulating, young.PensionStatus);
        Assert.InRange(young.YearsContributed, 0, 2020 - 2011 + 1); // eligible from 16, in 2011
        Assert.Equal(young.YearsContributed > 0, young.AccountFen > 0);
    }
}
