using System.Text.Json.Nodes;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Lab;

/// <summary>What the lab's page is built from: the catalogue with its lessons, the parameter tree, the metrics.</summary>
public static class LabCatalogue
{
    /// <summary>
    /// The classroom view of each teaching scenario: its question and the one chart that answers it
    /// first (metric and scope pairs, drawn together).
    /// </summary>
    private static readonly Dictionary<string, (string Title, string[][] Charts)> Lessons = new(StringComparer.Ordinal)
    {
        ["premium-spiral"] = ("Why does a voluntary health product unravel when the healthy can leave?",
            [["product_average_premium_yuan", "product:open_cover"], ["supplementary_medical_uptake_chronic", "national"],
             ["supplementary_medical_uptake_healthy", "national"], ["product_holders_chronic_share", "product:open_cover"], ["insurer_loss_ratio", "national"]]),
        ["premium-spiral-cured"] = ("What stops the spiral: community rating, endorsement or a subsidy?",
            [["product_average_premium_yuan", "product:open_cover"], ["supplementary_medical_uptake_chronic", "national"],
             ["supplementary_medical_uptake_healthy", "national"], ["product_holders_chronic_share", "product:open_cover"], ["insurer_loss_ratio", "national"]]),
        ["scandal-and-recovery"] = ("How long does trust take to come back after a fund scandal?",
            [["avg_trust", "national"], ["pension_contribution_rate", "national"], ["scandal_counties", "national"]]),
        ["divergence-local"] = ("Do regions drift apart when each county pays its own top-up?",
            [["avg_monthly_pension_yuan", "east"], ["avg_monthly_pension_yuan", "central"], ["avg_monthly_pension_yuan", "west"],
             ["theil_between_regions", "national"]]),
        ["divergence-equalised"] = ("Does central equalisation hold regions together?",
            [["avg_monthly_pension_yuan", "east"], ["avg_monthly_pension_yuan", "central"], ["avg_monthly_pension_yuan", "west"],
             ["theil_between_regions", "national"]]),
    };

    /// <summary>GET /api/scenarios: every built-in scenario, sorted by name.</summary>
    public static JsonArray Scenarios()
    {
        var list = new JsonArray();
        foreach (string name in ScenarioCatalogue.Names)
        {
            var scenario = BuiltIn(name)!;
            var entry = new JsonObject
            {
                ["name"] = name,
                ["question"] = scenario.Question,
                ["description"] = scenario.Description,
                ["teaching"] = Lessons.ContainsKey(name),
            };
            if (Lessons.TryGetValue(name, out var lesson))
            {
                entry["lesson"] = new JsonObject
                {
                    ["title"] = lesson.Title,
                    ["charts"] = new JsonArray(lesson.Charts.Select(c => (JsonNode)new JsonArray(c.Select(x => (JsonNode)x).ToArray())).ToArray()),
                };
            }
            list.Add(entry);
        }
        return list;
    }

    /// <summary>A built-in scenario by name, resolved from the catalogue alone (never a file); null when there is none.</summary>
    public static Scenario? BuiltIn(string name) =>
        ScenarioCatalogue.Names.Contains(name, StringComparer.Ordinal) && ScenarioCatalogue.TryGet(name, out byte[]? bytes)
            ? ScenarioLoader.ParseUntrusted(bytes, name).Scenario
            : null;

    /// <summary>GET /api/scenarios/{name}: its file and every parameter's value by path; null when there is no such built-in.</summary>
    public static JsonObject? Scenario(string name)
    {
        if (!ScenarioCatalogue.TryGet(name, out byte[]? bytes)) return null;
        var scenario = ScenarioLoader.ParseUntrusted(bytes, name).Scenario;
        return new JsonObject
        {
            ["name"] = name,
            ["yaml"] = System.Text.Encoding.UTF8.GetString(bytes),
            ["values"] = Values(scenario.Model),
        };
    }

    /// <summary>Every parameter's value by its intervention path (record lists by element id).</summary>
    public static JsonObject Values(ModelParameters parameters)
    {
        var values = new JsonObject();
        Flatten(typeof(ModelParameters), ScenarioWriter.ToJson(parameters), "", values);
        return values;
    }

    private static void Flatten(Type type, JsonObject json, string prefix, JsonObject into)
    {
        foreach (var field in ParameterTree.Fields(type))
        {
            var node = json[field.Name];
            string path = prefix + field.Name;
            switch (field.Kind)
            {
                case FieldKind.Section:
                    if (node is JsonObject section) Flatten(field.Type, section, path + ".", into);
                    break;
                case FieldKind.RecordList:
                    foreach (var element in (node as JsonArray ?? []).OfType<JsonObject>())
                    {
                        if (element["id"]?.GetValue<string>() is { } id) Flatten(field.Type.GetElementType()!, element, $"{path}[{id}].", into);
                    }
                    break;
                default:
                    into[path] = node?.DeepClone();
                    break;
            }
        }
    }

    /// <summary>GET /api/parameters: one entry per lever; a record list's fields under [ID].</summary>
    public static JsonArray Parameters()
    {
        var list = new JsonArray();
        var defaults = Values(new ModelParameters());
        Describe(typeof(ModelParameters), "", defaults, list);
        return list;
    }

    private static void Describe(Type type, string prefix, JsonObject defaults, JsonArray into)
    {
        foreach (var field in ParameterTree.Fields(type))
        {
            string path = prefix + field.Name;
            if (field.Kind == FieldKind.Section)
            {
                Describe(field.Type, path + ".", defaults, into);
                continue;
            }
            if (field.Kind == FieldKind.RecordList)
            {
                Describe(field.Type.GetElementType()!, path + "[ID].", defaults, into);
                continue;
            }
            var param = field.Param!;
            into.Add(new JsonObject
            {
                ["path"] = path,
                ["kind"] = Kind(field.Kind),
                ["unit"] = param.Unit,
                ["description"] = param.Description,
                ["default"] = defaults[path]?.DeepClone(),
                ["min"] = double.IsFinite(param.Min) ? param.Min : null,
                ["max"] = double.IsFinite(param.Max) ? param.Max : null,
                ["source"] = param.Source,
                ["choices"] = field.Kind == FieldKind.Choice ? new JsonArray(ParameterTree.ChoiceNames(field.Type).Select(c => (JsonNode)c).ToArray()) : null,
            });
        }
    }

    private static string Kind(FieldKind kind) => kind switch
    {
        FieldKind.Number => "number",
        FieldKind.Integer => "integer",
        FieldKind.Boolean => "bool",
        FieldKind.Choice => "choice",
        FieldKind.Text => "text",
        FieldKind.ByRegion => "by_region",
        FieldKind.Schedule => "schedule",
        _ => "list",
    };

    /// <summary>GET /api/metrics.</summary>
    public static JsonArray Metrics() =>
        new(MetricRegistry.All.Select(m => (JsonNode)new JsonObject { ["name"] = m.Name, ["unit"] = m.Unit, ["description"] = m.Description }).ToArray());

    /// <summary>The metrics each year event carries (their national value, mean over replications).</summary>
    public static readonly string[] Headline =
    [
        "pension_recipient_rate", "pension_contribution_rate", "medical_enrollment_rate", "avg_monthly_pension_yuan", "min_basic_pension_yuan",
        "gini_post_transfer", "theil_t", "poverty_headcount", "dibao_recipient_rate", "central_spending_yuan", "local_spending_yuan",
        "supplementary_medical_uptake", "supplementary_pension_uptake", "insurer_loss_ratio", "avg_trust",
    ];
}
