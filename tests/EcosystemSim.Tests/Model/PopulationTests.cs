using EcosystemSim.Model;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Population;
using EcosystemSim.Model.World;

namespace EcosystemSim.Tests.Model;

public class PopulationTests
{
    [Fact]
    public void The_synthetic_population_reproduces_the_census_age_shares_and_household_size()
    {
        var p = new ModelParameters();
        var county = new CountySpec(0, Region.Central, 0, 30_000, 1, 1, 2010);
        var households = Enumerable.Range(0, 30_000).Select(i => PopulationRules.CreateHousehold(p, 11, county, i, 2021)).ToArray();
        var ages = households.SelectMany(h => h.Members.Select(m => m.Age(2021))).ToArray();
        double share60 = ages.Count(a => a >= 60) / (double)ages.Length;
        double share65 = ages.Count(a => a >= 65) / (double)ages.Length;
        Assert.InRange(share60, 0.2381 - 0.006, 0.2381 + 0.006); // 2020 census, rural 60+
        Assert.InRange(share65, 0.1772 - 0.006, 0.1772 + 0.006); // rural 65+
        Assert.InRange(ages.Length / 30_000.0, 2.98 - 0.03, 2.98 + 0.03);
        Assert.All(households, h => Assert.Contains(h.Members, m => m.Age(2021) >= p.Population.HeadMinimumAge));
    }

    [Fact]
    public void Households_are_a_pure_function_of_seed_and_id()
    {
        var p = new ModelParameters();
        var county = new CountySpec(0, Region.East, 0, 1, 1, 1, 2009);
        var a = PopulationRules.CreateHousehold(p, 5, county, 123, 2021);
        var b = PopulationRules.CreateHousehold(p, 5, county, 123, 2021);
        var c = PopulationRules.CreateHousehold(p, 6, county, 123, 2021);
        Assert.Equal(a.Members, b.Members);
        Assert.Equal(a.Awareness, b.Awareness);
        Assert.NotEqual(a.Awareness, c.Awareness);
    }

    [Fact]
    public void The_layout_gives_every_county_households_and_splits_regions_by_their_shares()
    {
        var p = new ModelParameters();
        var layout = WorldLayout.Build(p, 10_000, 3);
        Assert.Equal(40, layout.Length);
        Assert.Equal(10_000, layout.Sum(c => c.HouseholdCount));
        Assert.All(layout, c => Assert.True(c.HouseholdCount > 0));
        Assert.Equal(Enumerable.Range(0, 40), layout.Select(c => c.Id));
        Assert.True(layout.Zip(layout.Skip(1)).All(x => x.First.FirstHouseholdId + x.First.HouseholdCount == x.Second.FirstHouseholdId));
        Assert.Equal(3050, layout.Where(c => c.Region == Region.East).Sum(c => c.HouseholdCount));
        Assert.Equal(530, layout.Where(c => c.Region == Region.Northeast).Sum(c => c.HouseholdCount));
        Assert.All(layout, c => Assert.InRange(c.SchemeStartYear, 2009, 2012));
    }

    [Fact]
    public void Apportionment_uses_the_largest_remainders() =>
        Assert.Equal([4, 3, 3], WorldLayout.Apportion(10, [0.34, 0.33, 0.33]));
}
