using System.Text.Json.Nodes;

namespace EcosystemSim.Reports.Output;

/// <summary>A parameter as a sensitivity analysis varied it: its path, range and how the range applies (value, whole_number, or factor on every region's value).</summary>
public sealed record SensitivityManifestParameter(string Path, double Low, double High, string Scale);

/// <summary>
/// manifest.json of `sensitivity`: the scenario (resolved, as a run's manifest holds it), the method and
/// its design, the parameters varied with their ranges, the metrics and their year and scope, and the
/// number of runs, besides what every manifest says.
/// </summary>
public sealed record SensitivityManifest : ManifestBase
{
    public required string Scenario { get; init; }
    public required string ScenarioSource { get; init; }
    public required string ScenarioSha256 { get; init; }
    public required JsonObject Parameters { get; init; }
    public required string Method { get; init; }

    /// <summary>Morris: trajectories; null for Sobol.</summary>
    public required int? Trajectories { get; init; }

    /// <summary>Morris: levels of the grid; null for Sobol.</summary>
    public required int? Levels { get; init; }

    /// <summary>Sobol: the base sample N; null for Morris.</summary>
    public required int? Samples { get; init; }

    /// <summary>Seed of the design and of the bootstrap (from the scenario's seed).</summary>
    public required int DesignSeed { get; init; }
    public required int Runs { get; init; }
    public required int Year { get; init; }
    public required string Scope { get; init; }
    public required IReadOnlyList<string> Metrics { get; init; }
    public required IReadOnlyList<SensitivityManifestParameter> Varied { get; init; }
}
