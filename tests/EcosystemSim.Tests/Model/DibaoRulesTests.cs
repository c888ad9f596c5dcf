using EcosystemSim.Model;
using EcosystemSim.Model.Dibao;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

public class DibaoRulesTests
{
    private static HouseholdYearRecord Assess(DibaoParameters dibao, double incomePerCapita, double standard, params MemberState[] members)
    {
        var p = new ModelParameters { Dibao = dibao };
        var context = TestWorld.Context(2021, p, local: l => l with { DibaoStandardFen = Money.FromYuan(standard), TargetingError = dibao.TargetingError.West });
        var household = TestWorld.Household(Region.West, incomePerCapita, members);
        var record = new HouseholdYearRecord();
        DibaoRules.Step(household, context, ref record);
        return record;
    }

    private static readonly DibaoParameters Exact = new() { TargetingError = RegionValues<double>.Uniform(0), TakeUp = 1, InitialShare = 1, FullTakeUpBenefit = 0 };

    [Fact]
    public void The_benefit_fills_the_gap_to_the_standard()
    {
        var r = Assess(Exact, 3000, 6000, new MemberState { BirthYear = 1980 }, new MemberState { BirthYear = 2010 });
        Assert.True(r.DibaoEligible);
        Assert.True(r.DibaoReceiving);
        Assert.Equal(Money.FromYuan(2 * 3000), r.DibaoFen);
        Assert.False(r.ExtremePoor);
    }

    [Fact]
    public void A_household_above_the_standard_gets_nothing_under_an_exact_means_test()
    {
        var r = Assess(Exact, 7000, 6000, new MemberState { BirthYear = 1980 });
        Assert.False(r.DibaoEligible);
        Assert.False(r.DibaoReceiving);
        Assert.Equal(0, r.DibaoFen);
    }

    [Fact]
    public void Elderly_recipients_without_working_age_members_count_as_extremely_poor()
    {
        var r = Assess(Exact, 2000, 6000, new MemberState { BirthYear = 1940 });
        Assert.True(r.ExtremePoor);
    }

    [Fact]
    public void A_small_benefit_is_taken_up_less_often_than_a_large_one()
    {
        // Full take-up from a benefit of 60% of the standard (3,600 of 6,000); a 300-yuan gap earns a twelfth of the chance.
        var dibao = Exact with { FullTakeUpBenefit = 0.6 };
        Assert.Equal(300 / 3600.0, DibaoRules.BenefitFactor(dibao, 300, 6000), 12);
        Assert.Equal(1, DibaoRules.BenefitFactor(dibao, 5000, 6000));
        Assert.Equal(1, DibaoRules.BenefitFactor(Exact, 300, 6000));
        int Receiving(double income)
        {
            var p = new ModelParameters { Dibao = dibao };
            var context = TestWorld.Context(2021, p, local: l => l with { DibaoStandardFen = Money.FromYuan(6000), TargetingError = 0 });
            int receiving = 0;
            for (int id = 0; id < 4000; id++)
            {
                var template = TestWorld.Household(Region.West, income, new MemberState { BirthYear = 1980 });
                var household = new HouseholdState { Id = id, Region = Region.West, County = 0, Members = template.Members, MarketIncomeFen = template.MarketIncomeFen };
                var record = new HouseholdYearRecord();
                DibaoRules.Step(household, context, ref record);
                if (record.DibaoReceiving) receiving++;
            }
            return receiving;
        }
        Assert.Equal(4000, Receiving(1000));
        Assert.InRange(Receiving(5700) / 4000.0, 0.06, 0.11);
    }

    [Fact]
    public void A_noisy_means_test_both_excludes_eligible_and_includes_ineligible_households()
    {
        var p = new ModelParameters();
        int excluded = 0, included = 0;
        for (int id = 0; id < 4000; id++)
        {
            double income = id % 2 == 0 ? 4000 : 8000;
            var household = TestWorld.Household(Region.West, income, new MemberState { BirthYear = 1980 });
            household = new HouseholdState { Id = id, Region = Region.West, County = 0, Members = household.Members, MarketIncomeFen = household.MarketIncomeFen };
            var record = new HouseholdYearRecord();
            DibaoRules.Step(household, TestWorld.Context(2021, p, local: l => l with { DibaoStandardFen = Money.FromYuan(6000) }), ref record);
            if (record.DibaoEligible && !record.DibaoReceiving) excluded++;
            if (!record.DibaoEligible && record.DibaoReceiving) included++;
        }
        Assert.InRange(excluded / 2000.0, 0.3, 0.95);
        Assert.InRange(included / 2000.0, 0.02, 0.5);
    }
}
