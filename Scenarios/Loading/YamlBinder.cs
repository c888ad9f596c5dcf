using System.Globalization;
using System.Reflection;
using EcosystemSim.Model;
using EcosystemSim.Model.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// Binds a YAML mapping onto a parameter record, field by field, on top of the record's defaults.
/// Every problem (unknown field, wrong kind of value) is recorded with its line and field, and
/// binding goes on, so that one pass reports them all.
/// </summary>
internal sealed class YamlBinder(string file, List<ScenarioProblem> problems, Dictionary<string, Mark> marks)
{
    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    public object BindRecord(Type type, YamlMappingNode node, object defaults, string path)
    {
        var fields = ParameterTree.Fields(type);
        var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        object record = Clone(defaults);
        var owners = fields.Where(f => f.Owner is not null).Select(f => f.Owner!).Distinct()
            .ToDictionary(o => o, o => Clone(o.GetValue(record)!));

        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                Problem(keyNode, path, "a field name must be plain text");
                continue;
            }
            string fieldPath = Join(path, key);
            if (!byName.TryGetValue(key, out var field))
            {
                Problem(keyNode, fieldPath, Suggestions.UnknownField(key, byName.Keys));
                continue;
            }
            marks[fieldPath] = valueNode.Start;
            object holder = field.Owner is null ? record : owners[field.Owner];
            if (TryBind(field.Type, valueNode, field.Property.GetValue(holder), fieldPath, out object? value))
            {
                field.Property.SetValue(holder, value);
            }
        }
        foreach (var field in fields.Where(f => f.Param?.Required == true))
        {
            if (!node.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == field.Name))
                Problem(node, Join(path, field.Name), "missing: this field is required");
        }
        foreach (var (owner, value) in owners) owner.SetValue(record, value);
        return record;
    }

    /// <summary>
    /// Binds one value. Whatever goes wrong while binding it, even a failure of the binder itself,
    /// is a problem at the value's line, never an exception.
    /// </summary>
    private bool TryBind(Type type, YamlNode node, object? current, string path, out object? value)
    {
        try
        {
            return TryBindValue(type, node, current, path, out value);
        }
#pragma warning disable CA1031 // Any failure on any input becomes a problem at the value's line.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            value = null;
            return Fail(node, path, $"cannot be read ({e.Message.Split('\n')[0].Trim()})");
        }
    }

    private bool TryBindValue(Type type, YamlNode node, object? current, string path, out object? value)
    {
        value = null;
        switch (ParameterTree.KindOf(type))
        {
            case FieldKind.Text:
                if (!Scalar(node, path, "text", out string? text)) return false;
                if (node is YamlScalarNode { Style: ScalarStyle.Plain } && PlainNonText(text!) is { } what)
                    return Fail(node, path, $"expected text, found {what} '{text}' (put it in quotes to mean the text)");
                if (ControlCharacter(text!, path) is { } control) return Fail(node, path, control);
                value = text;
                return true;
            case FieldKind.Boolean:
                if (!PlainScalar(node, path, "true or false", out string? b)) return false;
                if (PlainNonText(b!) != "true or false") return Fail(node, path, $"expected true or false, found '{b}'");
                value = b![0] is 't' or 'T';
                return true;
            case FieldKind.Integer:
                return TryInteger(type, node, path, out value);
            case FieldKind.Number:
                if (!TryNumber(node, path, out double number)) return false;
                value = number;
                return true;
            case FieldKind.Choice:
                if (!Scalar(node, path, "one of " + string.Join(", ", ParameterTree.ChoiceNames(type)), out string? choice)) return false;
                var names = ParameterTree.ChoiceNames(type);
                int index = names.ToList().IndexOf(choice!);
                if (index < 0) return Fail(node, path, Suggestions.UnknownField(choice!, names, "choice") + $"; expected one of {string.Join(", ", names)}");
                value = Enum.GetValues(type).GetValue(index);
                return true;
            case FieldKind.List:
            case FieldKind.RecordList:
                return TryList(type.GetElementType()!, node, path, out value);
            case FieldKind.ByRegion:
                return TryByRegion(type, node, current, path, out value);
            case FieldKind.Schedule:
                return TrySchedule(node, path, out value);
            case FieldKind.Changes:
                return TryChanges(node, path, out value);
            default:
                if (node is not YamlMappingNode mapping) return Fail(node, path, $"expected a mapping of fields, found a {Describe(node)}");
                value = BindRecord(type, mapping, current ?? Activator.CreateInstance(type)!, path);
                return true;
        }
    }

    private bool TryInteger(Type type, YamlNode node, string path, out object? value)
    {
        value = null;
        // A seed may be quoted: manifests write seeds above 2^53 as strings so that JSON readers keep them exact.
        if (type == typeof(ulong) ? !Scalar(node, path, "a whole number", out string? s) : !PlainScalar(node, path, "a whole number", out s)) return false;
        if (type == typeof(ulong))
        {
            if (!ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u))
                return Fail(node, path, $"expected a whole number of at least 0, found '{s}'");
            value = u;
            return true;
        }
        if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            return Fail(node, path, $"expected a whole number, found '{s}'");
        if (type == typeof(int))
        {
            if (l is < int.MinValue or > int.MaxValue) return Fail(node, path, $"{s} is too large");
            value = (int)l;
            return true;
        }
        value = l;
        return true;
    }

    private bool TryNumber(YamlNode node, string path, out double number)
    {
        number = 0;
        if (!PlainScalar(node, path, "a number", out string? s)) return false;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number) || !double.IsFinite(number))
        {
            return Fail(node, path, $"expected a number, found '{s}'");
        }
        return true;
    }

    private bool TryList(Type elementType, YamlNode node, string path, out object? value)
    {
        value = null;
        if (node is not YamlSequenceNode sequence) return Fail(node, path, "expected a list, for example [1, 2, 3]");
        var array = Array.CreateInstance(elementType, sequence.Children.Count);
        bool ok = true;
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            if (TryBind(elementType, sequence.Children[i], null, $"{path}[{i}]", out object? element)) array.SetValue(element, i);
            else ok = false;
        }
        value = array;
        return ok;
    }

    private bool TryByRegion(Type type, YamlNode node, object? current, string path, out object? value)
    {
        value = null;
        if (node is not YamlMappingNode mapping)
            return Fail(node, path, "expected a mapping of region to value, for example {east: 1, central: 2, west: 3, northeast: 4}");
        object regions = Clone(current ?? throw new InvalidOperationException($"{path} has no default"));
        Type elementType = type.GetGenericArguments()[0];
        bool ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            string regionPath = Join(path, key);
            if (!Regions.TryParse(key, out var region))
            {
                ok = Fail(keyNode, regionPath, Suggestions.UnknownField(key, Regions.Names, "region"));
                continue;
            }
            marks[regionPath] = valueNode.Start;
            // RegionValues<T> names its properties after the Region members.
            if (TryBind(elementType, valueNode, null, regionPath, out object? v))
                type.GetProperty(region.ToString())!.SetValue(regions, v);
            else ok = false;
        }
        value = regions;
        return ok;
    }

    private bool TrySchedule(YamlNode node, string path, out object? value)
    {
        value = null;
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
            return Fail(node, path, "expected a mapping of year to value, for example {2020: 93, 2022: 98}");
        var points = new SortedDictionary<int, double>();
        bool ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year is < 1900 or > 2300)
            {
                ok = Fail(keyNode, path, $"'{key}' is not a year between 1900 and 2300");
                continue;
            }
            marks[$"{path}.{year}"] = valueNode.Start;
            if (TryNumber(valueNode, $"{path}.{year}", out double v)) points[year] = v;
            else ok = false;
        }
        if (!ok) return false;
        value = new YearSchedule([.. points.Keys], [.. points.Values]);
        return true;
    }

    private bool TryChanges(YamlNode node, string path, out object? value)
    {
        value = null;
        if (node is not YamlMappingNode mapping)
            return Fail(node, path, "expected a mapping of parameter path to value, for example {pension.vesting_years: 10}");
        var changes = new List<ParameterChange>();
        bool ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            ok &= Expand(key, keyNode, valueNode, $"{path}.{key}", changes);
        }
        value = changes.ToArray();
        return ok;
    }

    /// <summary>
    /// One change, expanded to single values: a mapping given for a group or a value by region becomes
    /// a change of each field or region it names, so that changes of different fields compose.
    /// </summary>
    private bool Expand(string key, YamlNode keyNode, YamlNode node, string changePath, List<ParameterChange> changes)
    {
        var target = ParameterPath.Parse(key, typeof(Model.Parameters.ModelParameters), out string? error);
        if (target is null) return Fail(keyNode, changePath, error!);
        if (key.EndsWith(".id", StringComparison.Ordinal) || key.EndsWith(".insurer", StringComparison.Ordinal))
            return Fail(keyNode, changePath, "an id cannot be changed by an intervention");
        marks[changePath] = node.Start;
        if (target.Kind is FieldKind.Section or FieldKind.ByRegion)
        {
            if (node is not YamlMappingNode mapping)
                return Fail(node, changePath, target.Kind == FieldKind.ByRegion
                    ? "expected a mapping of region to value, for example {west: 20}"
                    : "expected a mapping of its fields");
            bool ok = true;
            foreach (var (childKey, childNode) in mapping.Children)
            {
                string name = (childKey as YamlScalarNode)?.Value ?? "";
                ok &= Expand($"{key}.{name}", childKey, childNode, $"{changePath}.{name}", changes);
            }
            return ok;
        }
        if (!TryBind(target.ValueType, node, null, changePath, out object? value)) return false;
        bool inRange = true;
        if (target.Param is { } param)
        {
            ParameterValidator.CheckValue(value!, param, changePath, (p, m) =>
            {
                Problem(node, p, m);
                inRange = false;
            });
        }
        changes.Add(new ParameterChange(key, value));
        return inRange;
    }

    private bool Scalar(YamlNode node, string path, string expected, out string? value)
    {
        value = null;
        if (node is not YamlScalarNode scalar) return Fail(node, path, $"expected {expected}, found a {Describe(node)}");
        if (scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL")
            return Fail(node, path, $"a value is required (expected {expected})");
        value = scalar.Value;
        return true;
    }

    /// <summary>
    /// A scalar for a number, a whole number or true/false, unquoted: quotes make text in YAML (and in
    /// the JSON Schema), so "5" is not the number 5.
    /// </summary>
    private bool PlainScalar(YamlNode node, string path, string expected, out string? value)
    {
        if (!Scalar(node, path, expected, out value)) return false;
        if (((YamlScalarNode)node).Style != ScalarStyle.Plain)
            return Fail(node, path, $"expected {expected}, found the quoted text '{value}' (remove the quotes)");
        return true;
    }

    /// <summary>Fields whose text may run over several lines and hold tabs: prose, shown as such.</summary>
    private static readonly HashSet<string> ProseFields = new(["description", "question", "note"], StringComparer.Ordinal);

    /// <summary>
    /// Why the text of the field at <paramref name="path"/> is refused for a control character, or
    /// null. Names, ids and the base allow none (C0, DEL and C1, tabs and line breaks included);
    /// descriptions, questions and notes allow line breaks and tabs only. Raw NUL or escape bytes
    /// would otherwise reach the report and the terminal.
    /// </summary>
    internal static string? ControlCharacter(string text, string path)
    {
        int dot = path.LastIndexOf('.');
        bool prose = ProseFields.Contains(dot < 0 ? path : path[(dot + 1)..]);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsControl(c) || (prose && c is '\n' or '\t')) continue;
            string allowed = prose ? "only line breaks and tabs are allowed in this text" : "this field allows no control characters, tabs or line breaks";
            return $"the text contains the control character U+{(int)c:X4} (character {i + 1}); {allowed}";
        }
        return null;
    }

    /// <summary>
    /// What an unquoted scalar is in YAML's core schema if not text ("a number", "true or false"), or
    /// null for text. Text fields refuse the others, as the JSON Schema does.
    /// </summary>
    internal static string? PlainNonText(string value)
    {
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return "true or false";
        if (value is ".inf" or "-.inf" or "+.inf" or ".nan" or ".NaN" or ".NAN") return "a number";
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? "a number" : null;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private bool Fail(YamlNode node, string path, string message)
    {
        Problem(node, path, message);
        return false;
    }

    private void Problem(YamlNode node, string path, string message) =>
        problems.Add(new ScenarioProblem(file, (int)node.Start.Line, (int)node.Start.Column, path, message));

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static object Clone(object value) => CloneMethod.Invoke(value, null)!;
}
