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

/// <summary>
/// The regions in their fixed order and their names, the one place the names are spelt: output
/// files, scenario keys, parameter paths and the schema all read them from here.
/// </summary>
public static class Regions
{
    /// <summary>Every region, in the order of output files and of <see cref="Parameters.RegionValues{T}.Values"/>.</summary>
    public static readonly Region[] All = [Region.East, Region.Central, Region.West, Region.Northeast];

    /// <summary>The regions' names, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(All.Select(Name).ToArray());

    /// <summary>The region's name in output files.</summary>
    public static string Name(Region region) => region switch
    {
        Region.East => "east",
        Region.Central => "central",
        Region.West => "west",
        Region.Northeast => "northeast",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    /// <summary>The region a name (as <see cref="Name"/> spells it, case-sensitive) stands for.</summary>
    public static bool TryParse(string? name, out Region region)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                region = candidate;
                return true;
            }
        }
        region = default;
        return false;
    }

    /// <summary>Whether the text is a region's name (case-sensitive, as in scenario files).</summary>
    public static bool IsName(string? name) => TryParse(name, out _);
}
