using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcosystemSim.Reports.Output;

/// <summary>
/// A seed in JSON: a number while it is at most 2^53 (every JSON reader holds that exactly), a
/// string of digits above it, so that readers that turn numbers into doubles (JavaScript, pandas)
/// keep it exact.
/// </summary>
public sealed class ExactUInt64Converter : JsonConverter<ulong>
{
    /// <summary>The largest integer a double holds exactly.</summary>
    public const ulong LargestExact = 1UL << 53;

    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? ulong.Parse(reader.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)
            : reader.GetUInt64();

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        if (value <= LargestExact) writer.WriteNumberValue(value);
        else writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A seed read from a JSON value written either way; null when it is neither.</summary>
    public static ulong? From(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue(out ulong n) => n,
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue(out string? s) && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong n) => n,
        _ => null,
    };
}

/// <summary>A list of seeds, each written as <see cref="ExactUInt64Converter"/> writes one.</summary>
public sealed class ExactUInt64ListConverter : JsonConverter<IReadOnlyList<ulong>>
{
    private static readonly ExactUInt64Converter One = new();

    public override IReadOnlyList<ulong> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var list = new List<ulong>();
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected a list of seeds");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(One.Read(ref reader, typeof(ulong), options));
        return list;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ulong> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (ulong seed in value) One.Write(writer, seed, options);
        writer.WriteEndArray();
    }
}
