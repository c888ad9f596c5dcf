using EcosystemSim.Model;
using EcosystemSim.Model.Demography;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

public class DemographyRulesTests
{
    private static readonly DemographyParameters Defaults = new();

    [Fact]
    public void Mortality_follows_the_Gompertz_Makeham_law()
    {
        // q(70) = 1 - exp(-(0.0004 + 3.2e-5 * e^(0.095 * 70))) = 0.02482
        Assert.InRange(DemographyRules.DeathProbability(Defaults, 70, 2021), 0.02480, 0.02484);
        Assert.Equal(0.006, DemographyRules.DeathProbability(Defaults, 0, 2021), 12);
        Assert.Equal(DemographyRules.DeathProbability(Defaults, 70, 2021) * Math.Pow(0.99, 10),
            DemographyRules.DeathProbability(Defaults, 70, 2031), 12);
        Assert.Equal(1.0, DemographyRules.DeathProbability(Defaults with { MortalityLevel = 1 }, 100, 2021));
    }

    [Fact]
    public void The_life_table_gives_a_rural_life_expectancy_near_77() =>
        Assert.InRange(DemographyRules.LifeExpectancy(Defaults, 2021), 76.0, 78.0);

    [Fact]
    public void Births_spread_the_fertility_rate_over_both_parents_and_the_fertile_years() =>
        Assert.Equal(1.5 / 2 / 20, DemographyRules.BirthProbability(Defaults), 12);

    [Theory]
    [InlineData(17, 0.0)]
    [InlineData(25, 0.12 / 0.27)]
    [InlineData(45, 0.04 / 0.19)]
    [InlineData(55, 0.0)]
    public void The_long_run_migrant_share_is_start_over_start_plus_return(int age, double expected) =>
        Assert.Equal(expected, DemographyRules.StationaryMigrantShare(Defaults, age), 12);

    [Fact]
    public void The_dead_and_those_who_leave_are_removed_and_their_accounts_close()
    {
        var p = new ModelParameters { Demography = Defaults with { InfantMortality = 1, Urbanisation = 1 } };
        var household = TestWorld.Household(Region.Central, 10_000,
            new MemberState { Serial = 0, BirthYear = 2021, AccountFen = 0 },
            new MemberState { Serial = 1, BirthYear = 2001, AccountFen = 500_00 },
            new MemberState { Serial = 2, BirthYear = 1961 });
        var record = new HouseholdYearRecord();
        DemographyRules.Step(household, TestWorld.Context(2021, p, Region.Central), EcosystemSim.Model.Market.MarketLedger.For(p.Market), ref record);
        Assert.Equal(1, record.Deaths);
        Assert.Equal(1, record.LeftRural);
        Assert.Equal(500_00, record.AccountsClosedFen);
        Assert.Equal(2, Assert.Single(household.Members).Serial);
    }

    [Fact]
    public void A_newborn_joins_with_the_next_serial_number()
    {
        var p = new ModelParameters { Demography = Defaults with { TotalFertilityRate = 40, MortalityBase = 0, MortalityLevel = 0, Urbanisation = 0 } };
        var household = TestWorld.Household(Region.Central, 10_000, new MemberState { Serial = 0, BirthYear = 1996 }, new MemberState { Serial = 1, BirthYear = 1950 });
        household.NextSerial = 2;
        var record = new HouseholdYearRecord();
        DemographyRules.Step(household, TestWorld.Context(2021, p, Region.Central), EcosystemSim.Model.Market.MarketLedger.For(p.Market), ref record);
        Assert.Equal(1, record.Births);
        Assert.Equal(3, household.Members.Length);
        Assert.Equal(2, household.Members[2].Serial);
        Assert.Equal(2021, household.Members[2].BirthYear);
        Assert.Equal(15, EcosystemSim.Model.Pension.PensionRules.RequiredYears(household.Members[2].BirthYear, 2009, p.Pension)); // the full vesting period
        Assert.Equal(3, household.NextSerial);
    }

    [Fact]
    public void A_newborn_faces_infant_mortality_in_its_year_of_birth()
    {
        var p = new ModelParameters { Demography = Defaults with { TotalFertilityRate = 40, InfantMortality = 1, MortalityBase = 0, MortalityLevel = 0, Urbanisation = 0 } };
        var household = TestWorld.Household(Region.Central, 10_000, new MemberState { Serial = 0, BirthYear = 1996 });
        household.NextSerial = 1;
        var record = new HouseholdYearRecord();
        DemographyRules.Step(household, TestWorld.Context(2021, p, Region.Central), EcosystemSim.Model.Market.MarketLedger.For(p.Market), ref record);
        Assert.Equal(1, record.Births);
        Assert.Equal(1, record.Deaths);
        Assert.Single(household.Members);
    }
}
