using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
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
    [property: Id(2)] long Persons);

/// <summary>A county's year: its households' records in id order, and its ledger.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.CountyYearReport")]
public sealed record CountyYearReport(
    [property: Id(0)] int CountyId,
    [property: Id(1)] int Year,
    [property: Id(2)] HouseholdYearRecord[] Households,
    [property: Id(3)] CountyLedger Ledger);
