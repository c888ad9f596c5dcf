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
        var p = new ModelParameters { Income = new IncomeParameters { LogSd = 0, BadYearProbability = 0 } };
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
    public void Bad_years_take_their_share_of_income_and_productivity_still_averages_one()
    {
        var p = new IncomeParameters { BadYearProbability = 0.1, BadYearLoss = 0.9 };
        double mean = 1 - 0.1 * 0.9, sum = 0;
        int bad = 0, n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double factor = IncomeRules.BadYearFactor(p, new EcosystemSim.Model.Random.Rng(7, (ulong)i, 2021, EcosystemSim.Model.Random.RngStream.IncomeTransitory));
            if (factor < 1) bad++;
            Assert.True(Math.Abs(factor - 0.1 / mean) < 1e-12 || Math.Abs(factor - 1 / mean) < 1e-12, $"factor {factor}");
            sum += factor;
        }
        Assert.InRange(bad / (double)n, 0.097, 0.103);
        Assert.InRange(sum / n, 0.995, 1.005);
        Assert.Equal(1, IncomeRules.BadYearFactor(new IncomeParameters { BadYearProbability = 0 }, new EcosystemSim.Model.Random.Rng(7, 1, 2021, EcosystemSim.Model.Random.RngStream.IncomeTransitory)));
        Assert.Contains(new IncomeParameters { BadYearProbability = 1, BadYearLoss = 1 }.Validate(), e => e.Field == "bad_year_loss");
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
