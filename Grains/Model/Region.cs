namespace EcosystemSim.Model;

/// <summary>The four regions of the NBS convention (see CALIBRATION.md section C).</summary>
[GenerateSerializer]
public enum Region : byte
{
    East = 0,
    Central = 1,
    West = 2,
    Northeast = 3,
}

public static class Regions
{
    public static readonly Region[] All = [Region.East, Region.Central, Region.West, Region.Northeast];

    /// <summary>The region's name in output files.</summary>
    public static string Name(Region region) => region switch
    {
        Region.East => "east",
        Region.Central => "central",
        Region.West => "west",
        Region.Northeast => "northeast",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };
}
