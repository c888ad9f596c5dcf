using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcosystemSim.Reports.Output;

/// <summary>
/// manifest.json: what was run, with what, by which program, and how long it took. The
/// parameters are the resolved scenario in its own format, so the run can be repeated from it.
/// </summary>
public sealed record Manifest
{
    public required string Scenario { get; init; }
    public required string ScenarioSource { get; init; }
    public required string ScenarioSha256 { get; init; }
    public required string Description { get; init; }
    public required string Question { get; init; }
    public required JsonObject Parameters { get; init; }
    public required ulong Seed { get; init; }
    public required IReadOnlyList<ulong> Seeds { get; init; }
    public required int Households { get; init; }
    public required long Persons { get; init; }
    public required double Weight { get; init; }
    public required int StartYear { get; init; }
    public required int EndYear { get; init; }
    public required int Years { get; init; }
    public required int Replications { get; init; }
    public required string Engine { get; init; }
    public required int Silos { get; init; }
    public required string ProgramVersion { get; init; }
    public required string ProgramCommit { get; init; }
    public required string CommandLine { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required DateTimeOffset FinishedUtc { get; init; }
    public required double WallSeconds { get; init; }
    public required double HouseholdYearsPerSecond { get; init; }
    public required IReadOnlyList<string> Files { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";
}
