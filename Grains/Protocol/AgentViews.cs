using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.World;

namespace EcosystemSim.Protocol;

/// <summary>The kinds of agent the lab's inspector can open.</summary>
public enum AgentKind
{
    Household,
    County,
    Insurer,
}

/// <summary>
/// One agent as the inspector shows it: its state now and its record of each year so far, as JSON
/// text (so that any transport carries it as a string, and the model's types need no wire format).
/// </summary>
[GenerateSerializer, Immutable, Alias("ecosim.AgentView")]
public sealed record AgentView([property: Id(0)] AgentKind Kind, [property: Id(1)] int Id, [property: Id(2)] string StateJson, [property: Id(3)] string HistoryJson)
{
    /// <summary>The view as one JSON object: kind, id, state and history.</summary>
    public JsonObject ToJson() => new()
    {
        ["kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(Kind.ToString()),
        ["id"] = Id,
        ["state"] = JsonNode.Parse(StateJson),
        ["history"] = JsonNode.Parse(HistoryJson),
    };
}

/// <summary>How every engine renders an agent for <see cref="AgentView"/>: the same JSON whichever holds the state.</summary>
public static class AgentViews
{
    /// <summary>snake_case names, public fields included (a member's state is a struct of fields), enums by name, non-finite numbers as null.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        IncludeFields = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new FiniteDoubleConverter() },
    };

    /// <summary>A household: its state and members; its history is its record of each year from <paramref name="firstYear"/> on (every household steps every year), each with its year.</summary>
    public static AgentView Household(HouseholdState state, IReadOnlyList<HouseholdYearRecord> history, int firstYear)
    {
        var years = (JsonArray)JsonSerializer.SerializeToNode(history, Options)!;
        for (int i = 0; i < years.Count; i++)
        {
            var record = (JsonObject)years[i]!;
            record.Insert(0, "year", firstYear + i);
        }
        return new(AgentKind.Household, state.Id, JsonSerializer.Serialize(state, Options), years.ToJsonString());
    }

    /// <summary>A county: its specification, its households' ids and its state; its history is its ledgers.</summary>
    public static AgentView County(CountySpec county, CountyState state, IReadOnlyList<CountyLedger> history)
    {
        var json = (JsonObject)JsonSerializer.SerializeToNode(state, Options)!;
        json["county"] = JsonSerializer.SerializeToNode(county, Options);
        json["household_ids"] = new JsonArray(Enumerable.Range(county.FirstHouseholdId, county.HouseholdCount).Select(i => (JsonNode)i).ToArray());
        return new(AgentKind.County, county.Id, json.ToJsonString(), JsonSerializer.Serialize(history, Options));
    }

    public static AgentView Insurer(int insurer, InsurerState state, IReadOnlyList<InsurerYearReport> history) =>
        new(AgentKind.Insurer, insurer, JsonSerializer.Serialize(state, Options), JsonSerializer.Serialize(history, Options));

    /// <summary>A number that is not finite (an undefined ratio) is written as null; JSON has no NaN.</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
