using System.Globalization;
using System.Text.Json.Nodes;
using EcosystemSim.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// YAML to JSON as a schema-aware editor sees it (YAML 1.2 core schema): unquoted scalars that are
/// numbers, booleans or null become those, everything else text. Used to check scenario files
/// against Scenarios/scenario.schema.json.
/// </summary>
public static class YamlJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Node(stream.Documents[0].RootNode);
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Node(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Node).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Plain(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => throw new ArgumentException($"unexpected node {node.NodeType}"),
    };

    private static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        return YamlBinder.PlainNonText(value) switch
        {
            "true or false" => JsonValue.Create(value[0] is 't' or 'T'),
            "a number" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => JsonValue.Create(l),
            "a number" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }
}
