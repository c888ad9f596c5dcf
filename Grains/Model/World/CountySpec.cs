namespace EcosystemSim.Model.World;

/// <summary>
/// A county (one local government) and the contiguous range of household ids it governs,
/// with its fixed characteristics drawn once per run.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CountySpec(
    [property: Id(0)] int Id,
    [property: Id(1)] Region Region,
    [property: Id(2)] int FirstHouseholdId,
    [property: Id(3)] int HouseholdCount,
    [property: Id(4)] double IncomeFactor,
    [property: Id(5)] double TopUpFactor,
    [property: Id(6)] int SchemeStartYear);
