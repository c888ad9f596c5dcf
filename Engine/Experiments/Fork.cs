using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// A scenario run from another run's checkpoint (`--from`): the years up to the checkpoint are
/// shared, so they must be the same years. The scenario takes the checkpoint's run settings (seed,
/// households, start year, years, replications: common random numbers), and its parameters in force
/// in every year up to the checkpoint must be the checkpoint run's, which means every change it
/// makes comes after the checkpoint's year. Then each year after it is the year the scenario would
/// have run from the start, byte for byte.
/// </summary>
public static class Fork
{
    /// <summary>The scenario aligned to the checkpoint's run; what stops it from being a fork of that run is added to <paramref name="problems"/>.</summary>
    public static Scenario Align(Scenario scenario, ReplicationCheckpoint checkpoint, List<string> problems)
    {
        var original = Original(checkpoint);
        var aligned = Comparison.Align(original, scenario);
        int year = checkpoint.LastYear;
        for (int i = 0; i < aligned.Interventions.Length; i++)
        {
            if (aligned.Interventions[i].Year > year) continue;
            problems.Add($"interventions[{i}] (year {aligned.Interventions[i].Year}{Note(aligned.Interventions[i])}) is not after {year}, the checkpoint's year: a fork may change only later years");
            break;
        }
        if (problems.Count > 0) return aligned;
        var before = ScenarioTimeline.Compile(original);
        var after = ScenarioTimeline.Compile(aligned);
        for (int y = aligned.StartYear; y <= year; y++)
        {
            if (FirstDifference(ScenarioWriter.ToJson(before.At(y)), ScenarioWriter.ToJson(after.At(y)), "") is not { } path) continue;
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path} in {y} differs from the checkpoint's run ({original.Name}); a fork must share every parameter up to {year} and change later years by interventions"));
            break;
        }
        if (problems.Count == 0 && PricePathChanged(before, after, year, aligned.PricesYear) is { } changed)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"central.price_inflation changes in {changed}, before the prices year {aligned.PricesYear}: the checkpoint's years were deflated with the original path; run from scratch or in prices of {year} or earlier"));
        }
        return aligned;
    }

    /// <summary>
    /// The first year after the checkpoint and up to the prices year in which inflation differs, or
    /// null: money of the checkpoint's years was deflated with inflation up to the prices year, which a
    /// fork must not change after the fact.
    /// </summary>
    public static int? PricePathChanged(Model.Parameters.ParameterTimeline before, Model.Parameters.ParameterTimeline after, int lastDone, int pricesYear)
    {
        for (int y = lastDone + 1; y <= pricesYear; y++)
        {
            if (before.At(y).Central.PriceInflation != after.At(y).Central.PriceInflation) return y;
        }
        return null;
    }

    /// <summary>The scenario the checkpoint's run ran (resolved: no base, its interventions included).</summary>
    public static Scenario Original(ReplicationCheckpoint checkpoint) =>
        ScenarioLoader.Parse(Encoding.UTF8.GetBytes(checkpoint.ScenarioJson), "checkpoint").Scenario;

    private static string Note(Intervention intervention) => intervention.Note.Length > 0 ? $", \"{intervention.Note}\"" : "";

    /// <summary>The path of the first value that differs between two parameter documents, or null.</summary>
    private static string? FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject x && b is JsonObject y)
        {
            foreach (string key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
            {
                if (FirstDifference(x[key], y[key], path.Length == 0 ? key : $"{path}.{key}") is { } found) return found;
            }
            return null;
        }
        if (a is JsonArray p && b is JsonArray q && p.Count == q.Count)
        {
            for (int i = 0; i < p.Count; i++)
            {
                if (FirstDifference(p[i], q[i], $"{path}[{(p[i] is JsonObject o && o["id"] is JsonValue id ? id.ToString() : i.ToString(CultureInfo.InvariantCulture))}]") is { } found) return found;
            }
            return null;
        }
        return JsonNode.DeepEquals(a, b) ? null : path;
    }
}
