using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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

    /// <summary>SHA-256 of the parameters as compact JSON: a rerun from this manifest refuses parameters edited since.</summary>
    public string ParametersSha256 => Hash(Parameters);

    /// <summary>The hash <see cref="ParametersSha256"/> holds, of parameters read back from a manifest.</summary>
    public static string Hash(JsonNode parameters) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(parameters.ToJsonString())));
    [JsonConverter(typeof(ExactUInt64Converter))]
    public required ulong Seed { get; init; }
    public required long Persons { get; init; }
    public required double Weight { get; init; }
    public required int Years { get; init; }
    public required double HouseholdYearsPerSecond { get; init; }
}
