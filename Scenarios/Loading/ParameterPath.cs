using System.Reflection;
using EcosystemSim.Model;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// A path to one value in the parameter tree: snake_case names joined by dots, with [id] to pick an
/// entry of a list of records by its id and a region name to pick a value by region. Examples:
/// pension.minimum_monthly_yuan, local_government.publicity_per_capita_yuan.west,
/// market.products[huimin_a].endorsed. Getting and setting never mutate: setting returns a new root.
/// </summary>
public sealed class ParameterPath
{
    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    private readonly Step[] _steps;

    private ParameterPath(string text, Step[] steps, Type valueType, FieldKind kind, ParamAttribute? param)
    {
        Text = text;
        _steps = steps;
        ValueType = valueType;
        Kind = kind;
        Param = param;
    }

    public string Text { get; }

    /// <summary>The type of the value at the end of the path.</summary>
    public Type ValueType { get; }

    public FieldKind Kind { get; }

    /// <summary>Unit, range and source of the value (of the field it belongs to, for a region's value).</summary>
    public ParamAttribute? Param { get; }

    /// <summary>The ids of list entries the path names (to check they exist).</summary>
    public IEnumerable<(string List, string Id)> Entries => _steps.Where(s => s.Id is not null).Select(s => (s.Field!.Name, s.Id!));

    private sealed record Step(ParameterField? Field, string? Id, Region? Region);

    /// <summary>Where a parse has got to: the type and kind of value the steps so far name, and the nearest field's range and unit.</summary>
    private readonly record struct Position(Type Type, FieldKind Kind, ParamAttribute? Param);

    /// <summary>Resolves a path against a record type; the error names the part that does not resolve.</summary>
    public static ParameterPath? Parse(string text, Type root, out string? error)
    {
        error = null;
        var steps = new List<Step>();
        var at = new Position(root, FieldKind.Section, null);
        string[] parts = text.Split('.');
        string walked = "";
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            Position? next;
            if (at.Kind == FieldKind.ByRegion) next = RegionStep(part, text, at, steps, out error);
            else if (at.Kind == FieldKind.Section) next = FieldStep(part, text, walked, at, steps, out error);
            else
            {
                error = $"'{walked}' is a single value; '{string.Join('.', parts[i..])}' cannot follow it";
                return null;
            }
            if (next is not { } reached) return null;
            at = reached;
            walked = Join(walked, part);
        }
        if (steps.Count == 0 || steps[^1].Id is not null && parts[^1].EndsWith(']'))
        {
            error = $"'{text}' names a whole list entry; name one of its fields";
            return null;
        }
        return new ParameterPath(text, [.. steps], at.Type, at.Kind, at.Param);
    }

    /// <summary>A region's value of a by-region field; the range and unit stay the field's.</summary>
    private static Position? RegionStep(string part, string text, Position at, List<Step> steps, out string? error)
    {
        error = null;
        if (!Regions.TryParse(part, out var region))
        {
            error = Suggestions.UnknownField(part, Regions.Names, "region") + $" in '{text}'";
            return null;
        }
        steps.Add(new Step(null, null, region));
        var type = at.Type.GetGenericArguments()[0];
        return new Position(type, ParameterTree.KindOf(type), at.Param);
    }

    /// <summary>A field of a section, or an entry (name[id]) of a list of records.</summary>
    private static Position? FieldStep(string part, string text, string walked, Position at, List<Step> steps, out string? error)
    {
        error = null;
        string name = part, id = "";
        int bracket = part.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            if (!part.EndsWith(']')) { error = $"'{part}' in '{text}' needs a closing ']'"; return null; }
            name = part[..bracket];
            id = part[(bracket + 1)..^1];
        }
        var fields = ParameterTree.Fields(at.Type);
        var field = fields.FirstOrDefault(f => f.Name == name);
        if (field is null)
        {
            error = Suggestions.UnknownField(name, fields.Select(f => f.Name)) + (walked.Length > 0 ? $" in '{walked}'" : "");
            return null;
        }
        if (field.Kind == FieldKind.RecordList)
        {
            if (id.Length == 0)
            {
                error = $"'{Join(walked, name)}' is a list: name an entry by its id, as {name}[id].field";
                return null;
            }
            steps.Add(new Step(field, id, null));
            return new Position(field.Type.GetElementType()!, FieldKind.Section, field.Param);
        }
        if (id.Length > 0) { error = $"'{Join(walked, name)}' is not a list; drop the [{id}]"; return null; }
        steps.Add(new Step(field, null, null));
        return new Position(field.Type, field.Kind, field.Param ?? at.Param);
    }

    /// <summary>The value at the path.</summary>
    public object? Get(object root)
    {
        object? current = root;
        foreach (var step in _steps)
        {
            current = current is null ? null : GetStep(current, step);
        }
        return current;
    }

    /// <summary>A copy of the root with the value at the path replaced.</summary>
    public object Set(object root, object? value) => SetAt(root, 0, value)!;

    private object? SetAt(object current, int i, object? value)
    {
        if (i == _steps.Length) return value;
        var step = _steps[i];
        if (step.Region is { } region)
        {
            object copy = Clone(current);
            var property = RegionProperty(copy, region);
            property.SetValue(copy, SetAt(property.GetValue(copy)!, i + 1, value));
            return copy;
        }
        var field = step.Field!;
        object holder = Clone(current);
        object target = field.Owner is null ? holder : Clone(field.Owner.GetValue(holder)!);
        object child = field.Property.GetValue(target)!;
        if (step.Id is { } id)
        {
            var items = (Array)((Array)child).Clone();
            int index = IndexOf(items, id);
            if (index < 0) throw new InvalidOperationException($"no entry '{id}' in {field.Name}");
            items.SetValue(SetAt(items.GetValue(index)!, i + 1, value), index);
            field.Property.SetValue(target, items);
        }
        else
        {
            field.Property.SetValue(target, SetAt(child, i + 1, value));
        }
        if (field.Owner is not null) field.Owner.SetValue(holder, target);
        return holder;
    }

    private static object? GetStep(object current, Step step)
    {
        if (step.Region is { } region) return RegionProperty(current, region).GetValue(current);
        object? value = step.Field!.Property.GetValue(step.Field.Holder(current));
        if (step.Id is null) return value;
        var items = (Array)value!;
        int index = IndexOf(items, step.Id);
        return index < 0 ? null : items.GetValue(index);
    }

    /// <remarks>RegionValues&lt;T&gt; names its properties after the Region members.</remarks>
    private static PropertyInfo RegionProperty(object regionValues, Region region) => regionValues.GetType().GetProperty(region.ToString())!;

    private static int IndexOf(Array items, string id)
    {
        for (int k = 0; k < items.Length; k++)
        {
            if (items.GetValue(k)!.GetType().GetProperty("Id")?.GetValue(items.GetValue(k)) as string == id) return k;
        }
        return -1;
    }

    private static object Clone(object value) => CloneMethod.Invoke(value, null)!;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public override string ToString() => Text;
}
