using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;
using Json.Schema;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// Scenarios/scenario.schema.json against the loader. The schema is generated from the parameter tree
/// (GeneratedDocsTests keeps the file current); these tests check that the two agree on what a valid
/// file is: every built-in scenario passes both, and every mutation of every field that a schema can
/// express (unknown names, wrong types, values out of range, unknown choices) fails both. The loader
/// alone checks what a schema cannot: rules between fields, intervention paths, years inside the run.
/// </summary>
public class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(ScenarioLoaderTests.RepositoryRoot(), "Scenarios", "scenario.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static bool SchemaAccepts(JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
        return Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    private static bool LoaderAccepts(JsonNode document, out string problems)
    {
        try
        {
            ScenarioLoader.Parse(Encoding.UTF8.GetBytes(document.ToJsonString()), "mutated.json");
            problems = "";
            return true;
        }
        catch (ScenarioException e)
        {
            problems = string.Join(" | ", e.Problems);
            return false;
        }
    }

    public static TheoryData<string> BuiltIn() => [.. ScenarioCatalogue.Names];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Every_built_in_scenario_passes_the_schema(string name)
    {
        Assert.True(ScenarioCatalogue.TryGet(name, out byte[]? bytes));
        var document = YamlJson.Convert(Encoding.UTF8.GetString(bytes!))!;
        Assert.True(SchemaAccepts(document), $"{name} fails the schema");
    }

    [Fact]
    public void A_fully_written_default_scenario_passes_both()
    {
        var document = ScenarioWriter.ToJson(new Scenario());
        Assert.True(LoaderAccepts(document, out string problems), problems);
        Assert.True(SchemaAccepts(document));
    }

    [Fact]
    public void Schema_and_loader_reject_the_same_mutations_of_every_field()
    {
        var original = ScenarioWriter.ToJson(new Scenario { Interventions = [new Intervention { Year = 2022, Note = "x" }] });
        var cases = Mutations(typeof(Scenario), [], original).ToList();
        Assert.True(cases.Count > 500, $"only {cases.Count} mutations generated");
        var disagreements = new List<string>();
        foreach (var (description, path, value, loaderMustReject) in cases)
        {
            var document = original.DeepClone();
            Set(document, path, value);
            bool schema = SchemaAccepts(document);
            bool loader = LoaderAccepts(document, out _);
            if (schema && !loader && loaderMustReject) disagreements.Add($"schema accepts, loader rejects: {description}");
            if (!schema && loader) disagreements.Add($"schema rejects, loader accepts: {description}");
            if (loaderMustReject && loader) disagreements.Add($"both accept: {description}");
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(40)));
    }

    [Theory]
    [InlineData("unknown-field.yaml")]
    [InlineData("unknown-nested-field.yaml")]
    [InlineData("wrong-type.yaml")]
    [InlineData("out-of-range.yaml")]
    [InlineData("negative-share.yaml")]
    [InlineData("unknown-region.yaml")]
    [InlineData("fractional-integer.yaml")]
    [InlineData("quoted-number.yaml")]
    [InlineData("number-for-text.yaml")]
    [InlineData("unknown-choice.yaml")]
    public void Malformed_files_a_schema_can_see_fail_the_schema(string name)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "malformed", name));
        Assert.False(SchemaAccepts(YamlJson.Convert(text)!), $"{name} passes the schema");
    }

    /// <summary>
    /// (description, path in the document, new value, whether the loader must reject it). Walks the
    /// parameter tree alongside the written document.
    /// </summary>
    private static IEnumerable<(string, object[], JsonNode?, bool)> Mutations(Type type, object[] at, JsonNode node)
    {
        string where = at.Length == 0 ? "(top)" : string.Join(".", at);
        yield return ($"unknown field under {where}", [.. at, "no_such_field"], JsonValue.Create(1), true);
        foreach (var field in ParameterTree.Fields(type))
        {
            object[] path = [.. at, field.Name];
            string name = string.Join(".", path);
            var value = node[field.Name];
            foreach (var m in Leaf(field.Type, field.Kind, field.Param, path, name, value)) yield return m;
        }
    }

    private static IEnumerable<(string, object[], JsonNode?, bool)> Leaf(Type type, FieldKind kind, ParamAttribute? param, object[] path, string name, JsonNode? value)
    {
        yield return ($"{name}: null", path, null, true);
        switch (kind)
        {
            case FieldKind.Text:
                yield return ($"{name}: a number", path, JsonValue.Create(5), true);
                yield return ($"{name}: a list", path, new JsonArray(), true);
                break;
            case FieldKind.Boolean:
                yield return ($"{name}: text", path, JsonValue.Create("true"), true);
                yield return ($"{name}: a number", path, JsonValue.Create(1), true);
                break;
            case FieldKind.Integer:
            case FieldKind.Number:
                yield return ($"{name}: text", path, JsonValue.Create("abc"), true);
                // A seed alone may be quoted (manifests write seeds above 2^53 as strings); a quoted fraction may not.
                yield return ($"{name}: a quoted number", path, JsonValue.Create("1"), type != typeof(ulong));
                if (type == typeof(ulong)) yield return ($"{name}: a quoted fraction", path, JsonValue.Create("1.5"), true);
                yield return ($"{name}: a mapping", path, new JsonObject(), true);
                if (kind == FieldKind.Integer) yield return ($"{name}: a fraction", path, JsonValue.Create(1.5), true);
                if (param is { } p && !double.IsNegativeInfinity(p.Min))
                    yield return ($"{name}: below its minimum", path, JsonValue.Create(p.Min - 1), true);
                if (param is { } q && !double.IsPositiveInfinity(q.Max))
                    yield return ($"{name}: above its maximum", path, JsonValue.Create(q.Max + (kind == FieldKind.Integer ? 1 : 0.5)), true);
                break;
            case FieldKind.Choice:
                yield return ($"{name}: unknown choice", path, JsonValue.Create("no_such_choice"), true);
                yield return ($"{name}: a number", path, JsonValue.Create(1), true);
                break;
            case FieldKind.List:
                yield return ($"{name}: a scalar", path, JsonValue.Create(1), true);
                yield return ($"{name}: empty", path, new JsonArray(), false);
                if (value is JsonArray { Count: > 0 } list)
                {
                    foreach (var m in Leaf(type.GetElementType()!, ParameterTree.KindOf(type.GetElementType()!), param, [.. path, 0], $"{name}[0]", list[0]))
                        if (m.Item3 is not null) yield return m;
                }
                break;
            case FieldKind.RecordList:
                yield return ($"{name}: a scalar", path, JsonValue.Create(1), true);
                if (value is JsonArray { Count: > 0 } records)
                {
                    foreach (var m in Mutations(type.GetElementType()!, [.. path, 0], records[0]!)) yield return m;
                }
                break;
            case FieldKind.ByRegion:
                yield return ($"{name}: a scalar", path, JsonValue.Create(1), true);
                yield return ($"{name}: unknown region", [.. path, "north"], JsonValue.Create(1), true);
                var element = type.GetGenericArguments()[0];
                foreach (var m in Leaf(element, ParameterTree.KindOf(element), param, [.. path, "east"], $"{name}.east", value?["east"]))
                    yield return m;
                break;
            case FieldKind.Schedule:
                yield return ($"{name}: a scalar", path, JsonValue.Create(1), true);
                yield return ($"{name}: empty", path, new JsonObject(), true);
                yield return ($"{name}: a key that is not a year", [.. path, "soon"], JsonValue.Create(1), true);
                string year = ((JsonObject)value!).First().Key;
                foreach (var m in Leaf(typeof(double), FieldKind.Number, param, [.. path, year], $"{name}.{year}", value![year]))
                    if (m.Item3 is not null) yield return m;
                break;
            case FieldKind.Changes:
                yield return ($"{name}: a list", path, new JsonArray(), true);
                yield return ($"{name}: a malformed path", [.. path, "Pension..x"], JsonValue.Create(1), true);
                break;
            case FieldKind.Section:
                yield return ($"{name}: a scalar", path, JsonValue.Create(1), true);
                foreach (var m in Mutations(type, path, value!)) yield return m;
                break;
        }
    }

    private static void Set(JsonNode document, object[] path, JsonNode? value)
    {
        var node = document;
        for (int i = 0; i < path.Length - 1; i++) node = path[i] is int index ? node[index]! : node[(string)path[i]]!;
        if (path[^1] is int last) node[last] = value;
        else node[(string)path[^1]] = value;
    }
}
