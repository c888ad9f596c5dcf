using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// A run repeated from its manifest.json runs what the manifest says. A manifest edited after the
/// run (its parameters against their hash, its seeds and sizes against its parameters) is refused
/// with what no longer matches, rather than having the edits silently ignored.
/// </summary>
public static class ManifestCheck
{
    /// <summary>Throws a <see cref="UsageException"/> when <paramref name="path"/> is an ecosim manifest that no longer matches <paramref name="scenario"/> (as loaded from it).</summary>
    public static void Verify(string path, Scenario scenario)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return; // not JSON: the loader has said what is wrong with it
        }
        if (root is not JsonObject manifest || manifest["program_version"] is null || manifest["parameters"] is not JsonObject parameters) return;
        var problems = new List<string>();
        if (manifest["parameters_sha256"] is { } hash && Text(hash) != Manifest.Hash(parameters))
        {
            problems.Add("its parameters were edited (parameters_sha256 no longer matches them)");
        }
        if (Text(manifest["scenario_sha256"]) is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigitLower) || sha.All(c => c == '0'))
        {
            problems.Add("scenario_sha256 is not the SHA-256 of a scenario file");
        }
        var seeds = (manifest["seeds"] as JsonArray)?.Select(ExactUInt64Converter.From).ToArray();
        if (seeds is null || !seeds.SequenceEqual(Experiment.Seeds(scenario).Select(s => (ulong?)s)))
        {
            problems.Add("seeds do not follow from parameters.seed and parameters.replications");
        }
        foreach (var (field, expected) in new (string, long)[]
                 {
                     ("households", scenario.Households), ("start_year", scenario.StartYear), ("end_year", scenario.EndYear),
                     ("years", scenario.Years), ("replications", scenario.Replications),
                 })
        {
            if (manifest[field] is not JsonValue v || !v.TryGetValue(out long actual) || actual != expected)
            {
                problems.Add($"{field} is {manifest[field]?.ToJsonString() ?? "missing"} but the parameters give {expected}");
            }
        }
        if (problems.Count > 0) throw new UsageException($"{path}: the manifest was changed after the run: {string.Join("; ", problems)}");
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
