using System.Text.Json;

namespace EcosystemSim.Reports.Output;

/// <summary>One scenario of a comparison or a sweep point, as its manifest lists it.</summary>
public sealed record ManifestEntry(string Name, string Source, string Sha256, string Directory);

/// <summary>
/// manifest.json of `compare` and `sweep`: the scenarios (each with its own full manifest in its
/// directory), the shared seeds and run settings, the program, and timing.
/// </summary>
public sealed record ComparisonManifest
{
    public required string Kind { get; init; }
    public required IReadOnlyList<ManifestEntry> Scenarios { get; init; }
    public required IReadOnlyList<ulong> Seeds { get; init; }
    public required int Replications { get; init; }
    public required int Households { get; init; }
    public required int StartYear { get; init; }
    public required int EndYear { get; init; }
    public required string Engine { get; init; }
    public required int Silos { get; init; }
    public required string ProgramVersion { get; init; }
    public required string ProgramCommit { get; init; }
    public required string CommandLine { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required DateTimeOffset FinishedUtc { get; init; }
    public required double WallSeconds { get; init; }
    public required IReadOnlyList<string> Files { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";
}
