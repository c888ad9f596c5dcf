using EcosystemSim.Model;
using OxyPlot;

namespace EcosystemSim.Reports.Plots;

/// <summary>One colour per region in every plot, so a reader learns them once (Okabe-Ito, safe for colour-blind readers).</summary>
public static class RegionStyle
{
    public static OxyColor Colour(string region) =>
        region == "national" ? OxyColor.FromRgb(0, 0, 0)
        : Regions.TryParse(region, out var r) ? Colour(r)
        : Other;

    private static OxyColor Colour(Region region) => region switch
    {
        Region.East => OxyColor.FromRgb(0, 114, 178),
        Region.Central => OxyColor.FromRgb(230, 159, 0),
        Region.West => OxyColor.FromRgb(0, 158, 115),
        Region.Northeast => OxyColor.FromRgb(204, 121, 167),
        _ => Other,
    };

    /// <summary>A series that is neither national nor a region.</summary>
    private static OxyColor Other => OxyColor.FromRgb(86, 180, 233);

    public static string Label(string region) => region.Length == 0 ? region : char.ToUpperInvariant(region[0]) + region[1..];

    /// <summary>The national line is drawn heavier than the regions.</summary>
    public static double Thickness(string region) => region == "national" ? 3 : 1.8;
}
