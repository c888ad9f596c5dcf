using EcosystemSim.Model.Households;
using EcosystemSim.Model.World;
using EcosystemSim.Protocol;

namespace EcosystemSim.Contracts;

/// <summary>What a household grain needs to create its state: it draws everything else from the seed.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.HouseholdInit")]
public sealed record HouseholdInit([property: Id(0)] RunSetup Setup, [property: Id(1)] CountySpec County);

/// <summary>A household put back as a checkpoint saved it.</summary>
[GenerateSerializer, Alias("ecosim.HouseholdRestore")]
public sealed record HouseholdRestore([property: Id(0)] RunSetup Setup, [property: Id(1)] HouseholdState State);

/// <summary>A county and its households put back as a checkpoint saved them.</summary>
[GenerateSerializer, Alias("ecosim.CountyRestore")]
public sealed record CountyRestore([property: Id(0)] CountyInit Init, [property: Id(1)] CountySaved Saved);

/// <summary>What a local government needs to set up its county and its households.</summary>
[GenerateSerializer, Immutable, Alias("ecosim.CountyInit")]
public sealed record CountyInit([property: Id(0)] RunSetup Setup, [property: Id(1)] CountySpec County);
