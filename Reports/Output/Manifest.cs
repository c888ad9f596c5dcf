using System.Text.Json.Nodes;

namespace EcosystemSim.Reports.Output;

/// <summary>
/// manifest.json of a run: what was run, with what, by which program, and how long it took. The
/// parameters are the resolved scenario in its own format, so the run can be repeated from it.
/// </summary>
public sealed record Manifest : ManifestBase
{
    public required string Scenario { get; init; }
    public required string ScenarioSource { get; init; }
    public required string ScenarioSha256 { get; init; }
    public required string Description { get; init; }
    public required string Question { get; init; }
    public required JsonObject Parameters { get; init; }
    public required ulong Seed { get; init; }
    public required long Persons { get; init; }
    public required double Weight { get; init; }
    public required int Years { get; init; }
    public required double HouseholdYearsPerSecond { get; init; }
}
