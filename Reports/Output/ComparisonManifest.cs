namespace EcosystemSim.Reports.Output;

/// <summary>One scenario of a comparison or a sweep point, as its manifest lists it.</summary>
public sealed record ManifestEntry(string Name, string Source, string Sha256, string Directory);

/// <summary>
/// manifest.json of `compare` and `sweep`: the scenarios (each with its own full manifest in its
/// directory) besides what every manifest says.
/// </summary>
public sealed record ComparisonManifest : ManifestBase
{
    public required IReadOnlyList<ManifestEntry> Scenarios { get; init; }
}
