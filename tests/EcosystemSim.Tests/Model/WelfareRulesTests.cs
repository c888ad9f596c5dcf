using EcosystemSim.Model;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Welfare;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

public class WelfareRulesTests
{
    [Theory]
    [InlineData(30_000, 3, 5000, 16_800)] // food 7,200 below subsistence 15,000: capacity is non-food consumption, 24,000 - 7,200
    [InlineData(100_000, 3, 5000, 65_000)] // food 24,000 above subsistence: consumption 80,000 - 15,000
    public void Capacity_to_pay_follows_the_WHO_method(double disposable, int members, double subsistence, double expected) =>
        Assert.Equal(expected, WelfareRules.CapacityToPayYuan(disposable, members, subsistence, 0.8, 0.3), 6);

    private static HouseholdYearRecord Settle(double marketYuan, double outOfPocketYuan, double povertyLine = 4000)
    {
        var household = TestWorld.Household(Region.Central, marketYuan / 2, new MemberState { BirthYear = 1980 }, new MemberState { BirthYear = 1982 });
        var context = TestWorld.Context(2021, local: l => l with { DibaoStandardFen = Money.FromYuan(6000) });
        context = context with { National = context.National with { PovertyLineFen = Money.FromYuan(povertyLine) } };
        var record = new HouseholdYearRecord { MarketIncomeFen = Money.FromYuan(marketYuan), OutOfPocketFen = Money.FromYuan(outOfPocketYuan) };
        WelfareRules.Settle(household, context, ref record);
        return record;
    }

    [Fact]
    public void Disposable_income_adds_public_transfers_and_removes_contributions_and_premiums()
    {
        var record = new HouseholdYearRecord
        {
            MarketIncomeFen = 10_000_00, MinimumPensionFen = 1_000_00, TopUpFen = 200_00, DibaoFen = 300_00, ReimbursedFen = 400_00,
            CriticalIllnessFen = 50_00, AssistanceFen = 25_00, ContributionFen = 100_00, PremiumsFen = 320_00, OutOfPocketFen = 999_00,
        };
        WelfareRules.Settle(TestWorld.Household(Region.East, 0, new MemberState { BirthYear = 1980 }), TestWorld.Context(2021), ref record);
        Assert.Equal(10_000_00 + 1_000_00 + 200_00 + 300_00 + 400_00 + 50_00 + 25_00 - 100_00 - 320_00, record.DisposableIncomeFen);
    }

    [Fact]
    public void Flags_poverty_catastrophic_spending_and_impoverishment_by_illness()
    {
        Assert.True(Settle(6000, 0).InPoverty);
        Assert.False(Settle(20_000, 0).InPoverty);
        // Capacity to pay: consumption 16,800 less food 5,494 (below subsistence of 12,000) = 11,306; 40% of it is 4,522.
        var sick = Settle(20_000, 9000);
        Assert.True(sick.Catastrophic);
        Assert.False(sick.ImpoverishedByIllness); // 10,000 a head, 5,500 after the spending: still above the line
        var ruined = Settle(20_000, 13_000);
        Assert.True(ruined.Catastrophic);
        Assert.True(ruined.ImpoverishedByIllness); // 3,500 a head after the spending
        Assert.False(Settle(20_000, 1000).Catastrophic);
        Assert.False(Settle(20_000, 1000).ImpoverishedByIllness);
    }

    [Fact]
    public void Reimbursements_count_as_income_but_not_as_resources_to_pay_the_bills_they_offset()
    {
        // 8,000 market income for two, a 20,000 bill of which 16,000 reimbursed: disposable 24,000 (12,000 a head,
        // above the line); once the bill is paid 4,000 is left (2,000 a head, below it).
        var household = TestWorld.Household(Region.Central, 4000, new MemberState { BirthYear = 1980 }, new MemberState { BirthYear = 1982 });
        var context = TestWorld.Context(2021, local: l => l with { DibaoStandardFen = Money.FromYuan(6000) });
        context = context with { National = context.National with { PovertyLineFen = Money.FromYuan(4000) } };
        var record = new HouseholdYearRecord
        {
            MarketIncomeFen = Money.FromYuan(8000), MedicalCostFen = Money.FromYuan(20_000),
            ReimbursedFen = Money.FromYuan(16_000), OutOfPocketFen = Money.FromYuan(4000),
        };
        WelfareRules.Settle(household, context, ref record);
        Assert.False(record.InPoverty);
        Assert.True(record.ImpoverishedByIllness);
        Assert.True(record.Catastrophic);
    }
}
