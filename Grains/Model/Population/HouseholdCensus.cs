using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;

namespace EcosystemSim.Model.Population;

/// <summary>A new household's members by age band of supplementary medical pricing: what insurers may know of a county at the start.</summary>
[GenerateSerializer, Immutable]
public readonly record struct HouseholdCensus([property: Id(0)] int Band0, [property: Id(1)] int Band1, [property: Id(2)] int Band2)
{
    public int Members => Band0 + Band1 + Band2;

    /// <summary>The household's members by pricing band in <paramref name="year"/>.</summary>
    public static HouseholdCensus Of(HouseholdState household, MarketParameters market, int year)
    {
        int b0 = 0, b1 = 0, b2 = 0;
        foreach (var m in household.Members)
        {
            switch (market.Band(m.Age(year)))
            {
                case 0: b0++; break;
                case 1: b1++; break;
                default: b2++; break;
            }
        }
        return new HouseholdCensus(b0, b1, b2);
    }

    /// <summary>The county summary insurers see at the start, from its households' census.</summary>
    public static CountySummary Summary(CountySpec county, IEnumerable<HouseholdCensus> households)
    {
        long b0 = 0, b1 = 0, b2 = 0;
        foreach (var h in households)
        {
            b0 += h.Band0;
            b1 += h.Band1;
            b2 += h.Band2;
        }
        return new CountySummary(county.Id, county.Region, b0 + b1 + b2, [b0, b1, b2]);
    }
}
