using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Model;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// The JSON Schema of the scenario format (Scenarios/scenario.schema.json), generated from the same
/// parameter tree the loader binds to, so the two cannot drift. Editors use it to check and complete
/// scenario files; YAML keys that are years become strings in JSON.
/// </summary>
public static class SchemaGenerator
{
    public static string Json()
    {
        var schema = Record(typeof(Scenario));
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["title"] = "EcosystemSim scenario";
        schema["description"] = "A scenario: run settings, model parameters (defaults are the baseline) and the policy timeline. See docs/parameters.md.";
        return schema.ToJsonString(new JsonSerializerOptions(JsonSerializerOptions.Default) { WriteIndented = true }) + "\n";
    }

    private static JsonObject Record(Type type)
    {
        var properties = new JsonObject();
        foreach (var field in ParameterTree.Fields(type))
        {
            var property = Value(field.Type, field.Kind, field.Param);
            property["description"] = Describe(field);
            properties[field.Name] = property;
        }
        var schema = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        var required = ParameterTree.Fields(type).Where(f => f.Param?.Required == true).Select(f => (JsonNode?)f.Name).ToArray();
        if (required.Length > 0) schema["required"] = new JsonArray(required);
        return schema;
    }

    private static JsonObject Value(Type type, FieldKind kind, ParamAttribute? param) => kind switch
    {
        FieldKind.Text => new JsonObject { ["type"] = "string" },
        FieldKind.Boolean => new JsonObject { ["type"] = "boolean" },
        // A seed may be written as a string of digits: manifests do so above 2^53, where JSON readers lose digits.
        FieldKind.Integer when type == typeof(ulong) => new JsonObject
        {
            ["oneOf"] = new JsonArray(Ranged("integer", param), new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{1,20}$" }),
        },
        FieldKind.Integer => Ranged("integer", param),
        FieldKind.Number => Ranged("number", param),
        FieldKind.Choice => new JsonObject { ["enum"] = new JsonArray(ParameterTree.ChoiceNames(type).Select(n => (JsonNode?)n).ToArray()) },
        FieldKind.List => new JsonObject
        {
            ["type"] = "array",
            ["items"] = Value(type.GetElementType()!, ParameterTree.KindOf(type.GetElementType()!), param),
            ["minItems"] = type.GetElementType() == typeof(string) ? 0 : 1,
        },
        FieldKind.RecordList => new JsonObject { ["type"] = "array", ["items"] = Record(type.GetElementType()!) },
        FieldKind.ByRegion => ByRegion(type, param),
        FieldKind.Schedule => new JsonObject
        {
            ["type"] = "object",
            ["minProperties"] = 1,
            ["propertyNames"] = new JsonObject { ["pattern"] = "^(19|20|21|22|23)[0-9]{2}$" },
            ["additionalProperties"] = Ranged("number", param),
        },
        FieldKind.Changes => new JsonObject
        {
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["pattern"] = "^[a-z_]+(\\[[A-Za-z0-9_-]+\\])?(\\.[a-z_]+(\\[[A-Za-z0-9_-]+\\])?)*$" },
        },
        _ => Record(type),
    };

    private static JsonObject ByRegion(Type type, ParamAttribute? param)
    {
        var element = type.GetGenericArguments()[0];
        var properties = new JsonObject();
        foreach (string region in Regions.Names)
        {
            properties[region] = Value(element, ParameterTree.KindOf(element), param);
        }
        return new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
    }

    private static JsonObject Ranged(string type, ParamAttribute? param)
    {
        var schema = new JsonObject { ["type"] = type };
        if (param is null) return schema;
        if (!double.IsNegativeInfinity(param.Min)) schema["minimum"] = param.Min;
        if (!double.IsPositiveInfinity(param.Max)) schema["maximum"] = param.Max;
        return schema;
    }

    private static string Describe(ParameterField field)
    {
        string text = field.Description;
        if (field.Param is { } p)
        {
            if (p.Unit.Length > 0) text += $" Unit: {p.Unit}.";
            if (p.Source.Length > 0) text += $" Source: {p.Source}";
        }
        return text;
    }
}
