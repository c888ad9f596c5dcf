using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// The shape of the scenario format, read off the parameter records: which fields a mapping
/// may hold, their YAML names, kinds and documentation. The loader, the validator and the
/// generated documentation all read it, so they cannot disagree.
/// </summary>
public static class ParameterTree
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ParameterField>> Cache = new();

    /// <summary>The fields a mapping of this record type may hold, flattened sections included, in declaration order.</summary>
    public static IReadOnlyList<ParameterField> Fields(Type recordType) => Cache.GetOrAdd(recordType, Discover);

    /// <summary>PascalCase to snake_case: MinimumMonthlyYuan -> minimum_monthly_yuan.</summary>
    public static string YamlName(string propertyName)
    {
        var sb = new StringBuilder(propertyName.Length + 8);
        for (int i = 0; i < propertyName.Length; i++)
        {
            char c = propertyName[i];
            if (char.IsUpper(c))
            {
                bool boundary = i > 0 && (!char.IsUpper(propertyName[i - 1]) ||
                                          (i + 1 < propertyName.Length && char.IsLower(propertyName[i + 1])));
                if (boundary) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>The YAML names of an enum's values, in declaration order.</summary>
    public static IReadOnlyList<string> ChoiceNames(Type enumType) =>
        Enum.GetNames(enumType).Select(YamlName).ToArray();

    /// <summary>The YAML name of an enum value.</summary>
    public static string ChoiceName(object value) => YamlName(value.ToString()!);

    /// <summary>What kind of YAML value a CLR type takes.</summary>
    public static FieldKind KindOf(Type type)
    {
        if (type == typeof(ParameterChange[])) return FieldKind.Changes;
        if (type == typeof(string)) return FieldKind.Text;
        if (type == typeof(bool)) return FieldKind.Boolean;
        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong)) return FieldKind.Integer;
        if (type == typeof(double)) return FieldKind.Number;
        if (type.IsEnum) return FieldKind.Choice;
        if (type.IsArray) return KindOf(type.GetElementType()!) == FieldKind.Section ? FieldKind.RecordList : FieldKind.List;
        if (type == typeof(YearSchedule)) return FieldKind.Schedule;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(RegionValues<>)) return FieldKind.ByRegion;
        return FieldKind.Section;
    }

    private static IReadOnlyList<ParameterField> Discover(Type type)
    {
        var fields = new List<ParameterField>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetCustomAttribute<FlattenAttribute>() is not null)
            {
                fields.AddRange(Fields(property.PropertyType).Select(f => f with { Owner = property }));
                continue;
            }
            var param = property.GetCustomAttribute<ParamAttribute>();
            var section = property.GetCustomAttribute<SectionAttribute>();
            if (param is null && section is null) continue;
            if (property.SetMethod is null)
            {
                throw new InvalidOperationException($"{type.Name}.{property.Name} is a parameter but has no init accessor");
            }
            fields.Add(new ParameterField(property, YamlName(property.Name), KindOf(property.PropertyType),
                param, section?.Description ?? param!.Description, null));
        }
        return fields;
    }
}

/// <summary>The kinds of value a scenario field takes.</summary>
public enum FieldKind
{
    Text,
    Boolean,
    Integer,
    Number,
    Choice,
    List,
    RecordList,
    ByRegion,
    Schedule,
    Section,
    Changes,
}

/// <summary>One field of the scenario format.</summary>
/// <param name="Property">The record property behind it.</param>
/// <param name="Name">Its YAML name.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Param">Unit, range and source, for a value (null for a section).</param>
/// <param name="Description">What it means.</param>
/// <param name="Owner">For a field of a flattened section: the parent's property holding that section.</param>
public sealed record ParameterField(
    PropertyInfo Property, string Name, FieldKind Kind, ParamAttribute? Param, string Description, PropertyInfo? Owner)
{
    public Type Type => Property.PropertyType;

    /// <summary>The record that holds this field's value, given the record being bound.</summary>
    public object Holder(object record) => Owner is null ? record : Owner.GetValue(record)!;
}
