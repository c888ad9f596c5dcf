using System.Collections;
using System.Globalization;
using EcosystemSim.Model;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// Checks every value against its declared range and every group against its cross-field rules,
/// walking the whole parameter tree, defaults included.
/// </summary>
public static class ParameterValidator
{
    /// <summary>Reports each problem as (field path, message).</summary>
    public static void Validate(object record, string path, Action<string, string> report)
    {
        foreach (var field in ParameterTree.Fields(record.GetType()))
        {
            object? value = field.Property.GetValue(field.Holder(record));
            string fieldPath = YamlBinder.Join(path, field.Name);
            if (value is null)
            {
                report(fieldPath, "a value is required");
            }
            else if (field.Kind == FieldKind.Changes)
            {
                // Checked value by value when bound, and as whole parameter sets by the timeline.
            }
            else if (field.Kind == FieldKind.Section)
            {
                Validate(value, fieldPath, report);
            }
            else if (field.Kind == FieldKind.RecordList)
            {
                var items = (Array)value;
                for (int i = 0; i < items.Length; i++) Validate(items.GetValue(i)!, $"{fieldPath}[{i}]", report);
            }
            else if (field.Param is { } param)
            {
                CheckValue(value, param, fieldPath, report);
            }
        }
        if (record is IValidatable validatable)
        {
            foreach (var (name, message) in validatable.Validate()) report(YamlBinder.Join(path, name), message);
        }
    }

    /// <summary>Checks one value (or each element of a list, region map or schedule) against the range.</summary>
    public static void CheckValue(object value, ParamAttribute param, string path, Action<string, string> report)
    {
        switch (value)
        {
            case int or long or ulong or double:
                double x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (x < param.Min || x > param.Max) report(path, $"{Format(value)} is out of range: {Range(param)}");
                break;
            case YearSchedule schedule:
                for (int i = 0; i < schedule.Years.Length; i++)
                {
                    CheckValue(schedule.Values[i], param, $"{path}.{schedule.Years[i]}", report);
                }
                break;
            case Array array:
                if (array.Length == 0 && array.GetType().GetElementType() != typeof(string)) report(path, "the list must not be empty");
                for (int i = 0; i < array.Length; i++) CheckValue(array.GetValue(i)!, param, $"{path}[{i}]", report);
                break;
            case string:
            case bool:
            case Enum:
                break;
            default:
                if (value.GetType().GetProperty(nameof(RegionValues<int>.Values))?.GetValue(value) is IEnumerable values)
                {
                    int i = 0;
                    foreach (object v in values) CheckValue(v, param, $"{path}.{Regions.Names[i++]}", report);
                }
                break;
        }
    }

    private static string Range(ParamAttribute p) =>
        (double.IsNegativeInfinity(p.Min), double.IsPositiveInfinity(p.Max)) switch
        {
            (false, false) => $"must be between {Format(p.Min)} and {Format(p.Max)}",
            (false, true) => $"must be at least {Format(p.Min)}",
            (true, false) => $"must be at most {Format(p.Max)}",
            _ => "no limits",
        };

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
