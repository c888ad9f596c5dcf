using EcosystemSim.Model;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Income;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Population;
using EcosystemSim.Model.World;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

public class IncomeRulesTests
{
    [Fact]
    public void The_earnings_unit_reproduces_the_regional_mean_for_the_starting_population()
    {
        var p = new ModelParameters();
        var county = new CountySpec(0, Region.West, 0, 40_000, 1, 1, 2010);
        var context = TestWorld.Context(2021, p, Region.West);
        long income = 0, persons = 0;
        for (int i = 0; i < 40_000; i++)
        {
            var household = PopulationRules.CreateHousehold(p, 3, county, i, 2021);
            var record = new HouseholdYearRecord();
            IncomeRules.Step(household, context, ref record);
            income += record.MarketIncomeFen;
            persons += household.Members.Length;
        }
        double mean = Money.ToYuan(income) / persons;
        Assert.InRange(mean / p.Income.MeanMarketPerCapitaYuan.West, 0.97, 1.03);
    }

    [Fact]
    public void Members_at_home_earn_by_age_and_health_and_migrants_send_remittances()
    {
        var p = new ModelParameters { Income = new IncomeParameters { LogSd = 0 } };
        var context = TestWorld.Context(2021, p, Region.East);
        HouseholdYearRecord Earn(params MemberState[] members)
        {
            var record = new HouseholdYearRecord();
            IncomeRules.Step(TestWorld.Household(Region.East, 0, members), context, ref record);
            return record;
        }
        double unit = context.Local.EarningUnitYuan;
        Assert.Equal(Money.FromYuan(unit), Earn(new MemberState { BirthYear = 1981 }).MarketIncomeFen);
        Assert.Equal(Money.FromYuan(unit * 0.5), Earn(new MemberState { BirthYear = 1981, Chronic = true }).MarketIncomeFen);
        Assert.Equal(Money.FromYuan(unit * 0.3), Earn(new MemberState { BirthYear = 1956 }).MarketIncomeFen);
        Assert.Equal(0, Earn(new MemberState { BirthYear = 2015 }).MarketIncomeFen);
        var migrant = Earn(new MemberState { BirthYear = 1996, Migrant = true });
        Assert.Equal(Money.FromYuan(context.Local.RemittanceYuan), migrant.MarketIncomeFen);
        Assert.Equal(migrant.MarketIncomeFen, migrant.RemittancesFen);
    }

    [Fact]
    public void Income_grows_at_the_historical_rate_then_the_long_run_rate()
    {
        var p = new IncomeParameters();
        Assert.Equal(1.0, p.Index(Region.East, 2021), 12);
        Assert.Equal(1 / 1.086, p.Index(Region.East, 2020), 12);
        Assert.Equal(1.065 * 1.065, p.Index(Region.East, 2023), 12);
    }
}
