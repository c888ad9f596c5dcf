using System.Globalization;
using System.Text;
using System.Text.Json;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// Parameters changed by a front end rather than in a scenario file: a sweep's values, the lab's
/// form and its "change a lever now". Each value is parsed and checked as an intervention's set is,
/// against the scenario's own parameters (so its own products and insurers are known), and the
/// changed scenario is checked whole, so a change the file format refuses is refused here too.
/// </summary>
public static class ScenarioChanges
{
    /// <summary>
    /// A value for a path. A value is one YAML node (a scalar, or a flow list or mapping such as a
    /// schedule; JSON is one): no comment, no line break, no control character, so it can set
    /// nothing but its own path. Problems name <paramref name="field"/>.
    /// </summary>
    public static ParameterChange[] Parse(Scenario scenario, string path, string value, string source, string field, List<ScenarioProblem> problems)
    {
        if (value.Any(char.IsControl) || value.Contains('#', StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            problems.Add(new(source, 0, 0, Printable(field), "a value may not contain '#', line breaks or other control characters"));
            return [];
        }
        // The scenario as resolved (JSON is YAML), without its base (already applied) and with one intervention: this value.
        var resolved = ScenarioWriter.ToJson(scenario with { Base = "", Interventions = [] });
        resolved.Remove("interventions");
        string json = resolved.ToJsonString();
        string yaml = string.Create(CultureInfo.InvariantCulture,
            $"{json[..^1]}, \"interventions\": [{{\"year\": {scenario.StartYear}, \"set\": {{{JsonSerializer.Serialize(path)}: {value}}}}}]}}");
        try
        {
            var set = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), source).Scenario.Interventions;
            if (set.Length == 1 && set[0].Set.Length == 1) return set[0].Set;
            problems.Add(new(source, 0, 0, field, "is not a single value"));
        }
        catch (ScenarioException e)
        {
            problems.Add(new(source, 0, 0, field, e.Problems[0].Message));
        }
        return [];
    }

    /// <summary>The scenario with the changes as its own parameters from the start (not an intervention); problems of the whole added.</summary>
    public static Scenario FromStart(Scenario scenario, IReadOnlyList<ParameterChange> changes, string name, string source, List<ScenarioProblem> problems)
    {
        var intervention = new Intervention { Year = scenario.StartYear, Set = [.. changes] };
        var changed = scenario with { Name = name, Model = ScenarioTimeline.Apply(scenario.Model, intervention) };
        problems.AddRange(ScenarioLoader.Check(changed, source));
        return changed;
    }

    /// <summary>The scenario with one more intervention, from <paramref name="year"/> on; problems of the whole added.</summary>
    public static Scenario Intervene(Scenario scenario, int year, IReadOnlyList<ParameterChange> changes, string note, string source, List<ScenarioProblem> problems)
    {
        var changed = scenario with { Interventions = [.. scenario.Interventions, new Intervention { Year = year, Set = [.. changes], Note = note }] };
        problems.AddRange(ScenarioLoader.Check(changed, source));
        return changed;
    }

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
