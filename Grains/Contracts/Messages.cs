using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;

namespace EcosystemSim.Contracts;

/// <summary>What a household grain needs to create its state: it draws everything else from the seed.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.HouseholdInit")]
public sealed record HouseholdInit(
    [property: Id(0)] ModelParameters Parameters,
    [property: Id(1)] ulong Seed,
    [property: Id(2)] CountySpec County,
    [property: Id(3)] int StartYear);

/// <summary>A new household's members by age band of supplementary medical pricing.</summary>
[GenerateSerializer, Immutable]
public readonly record struct HouseholdCensus([property: Id(0)] int Band0, [property: Id(1)] int Band1, [property: Id(2)] int Band2)
{
    public int Members => Band0 + Band1 + Band2;

    public static HouseholdCensus Of(EcosystemSim.Model.Households.HouseholdState household, MarketParameters market, int year)
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
    public static CountySummary Summary(EcosystemSim.Model.World.CountySpec county, IEnumerable<HouseholdCensus> households)
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

/// <summary>What a local government needs to set up its county and its households.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.CountyInit")]
public sealed record CountyInit(
    [property: Id(0)] ModelParameters Parameters,
    [property: Id(1)] ulong Seed,
    [property: Id(2)] CountySpec County,
    [property: Id(3)] int StartYear);

/// <summary>A county's population at the start of a run.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.CountyInitReport")]
public sealed record CountyInitReport(
    [property: Id(0)] int CountyId,
    [property: Id(1)] int Households,
    [property: Id(2)] long Persons,
    [property: Id(3)] CountySummary Summary);

/// <summary>A county's year: its households' records in id order, and its ledger.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.CountyYearReport")]
public sealed record CountyYearReport(
    [property: Id(0)] int CountyId,
    [property: Id(1)] int Year,
    [property: Id(2)] HouseholdYearRecord[] Households,
    [property: Id(3)] CountyLedger Ledger);
