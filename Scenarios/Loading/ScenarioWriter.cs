using System.Globalization;
using System.Text.Json.Nodes;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// Writes a resolved scenario as JSON in the scenario format itself (same names, same shapes), so
/// the parameters recorded in a manifest can be loaded again as a scenario: JSON is YAML.
/// </summary>
public static class ScenarioWriter
{
    public static JsonObject ToJson(object record)
    {
        var json = new JsonObject();
        foreach (var field in ParameterTree.Fields(record.GetType()))
        {
            json[field.Name] = Value(field.Property.GetValue(field.Holder(record)), field.Kind);
        }
        return json;
    }

    private static JsonNode? Value(object? value, FieldKind kind) => value switch
    {
        null => null,
        YearSchedule s => new JsonObject(s.Years.Select((y, i) =>
            KeyValuePair.Create(y.ToString(CultureInfo.InvariantCulture), (JsonNode?)JsonValue.Create(s.Values[i])))),
        ParameterChange[] changes => new JsonObject(changes.Select(c =>
            KeyValuePair.Create(c.Path, c.Value is null ? null : Value(c.Value, ParameterTree.KindOf(c.Value.GetType()))))),
        Array a => new JsonArray(a.Cast<object>().Select(e => Value(e, ParameterTree.KindOf(e.GetType()))).ToArray()),
        Enum e => JsonValue.Create(ParameterTree.ChoiceName(e)),
        _ when kind == FieldKind.ByRegion => ByRegion(value),
        _ when kind == FieldKind.Section => ToJson(value),
        // A seed above 2^53 as a string of digits, so that readers that hold numbers as doubles keep it exact.
        ulong u when u > 1UL << 53 => JsonValue.Create(u.ToString(CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    private static JsonObject ByRegion(object regions)
    {
        var json = new JsonObject();
        foreach (string name in new[] { "East", "Central", "West", "Northeast" })
        {
            json[ParameterTree.YamlName(name)] = JsonValue.Create(regions.GetType().GetProperty(name)!.GetValue(regions));
        }
        return json;
    }
}
