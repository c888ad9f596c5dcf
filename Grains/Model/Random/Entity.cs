namespace EcosystemSim.Model.Random;

/// <summary>Entity keys for the random generator: a kind tag in the top byte, an id below.</summary>
public static class Entity
{
    private const int KindShift = 56;

    public static ulong Household(int householdId) => (1UL << KindShift) | (uint)householdId;

    /// <summary>A member by household and the member's serial number within it (never reused).</summary>
    public static ulong Member(int householdId, int serial) =>
        (2UL << KindShift) | ((ulong)(uint)householdId << 16) | (ushort)serial;

    public static ulong County(int countyId) => (3UL << KindShift) | (uint)countyId;

    public static ulong Nation => 4UL << KindShift;
}
