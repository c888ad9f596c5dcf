using System.Collections;
using System.Globalization;
using System.Text;
using EcosystemSim.Model;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// The parameter reference (docs/parameters.md), generated from the same records and attributes
/// the loader reads, so the documentation cannot drift from the format.
/// </summary>
public static class ParameterReference
{
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Scenario parameter reference\n\n")
          .Append("Generated from the parameter records (`Grains/Model/Parameters`, `Scenarios/Scenario.cs`); do not edit by hand.\n")
          .Append("Regenerate with `ECOSIM_UPDATE_DOCS=1 dotnet test --filter Generated_docs`.\n\n")
          .Append("A scenario file sets any of these fields; every field it leaves out keeps the default shown, ")
          .Append("and the defaults are the baseline. Values by region are a mapping `{east: ..., central: ..., west: ..., northeast: ...}` ")
          .Append("in which any region may be left out; schedules are a mapping from year to value, in force until the next listed year, ")
          .Append("and replace the default schedule whole.\n\n")
          .Append("*Range* is what the model accepts. *Uncertainty* is what is plausible for a value that is assumed or calibrated ")
          .Append("rather than known, with why: `ecosim sensitivity` varies parameters over it (docs/sensitivity.md). For a value by region ")
          .Append("it is a factor on every region's value alike (×0.9 to ×1.1: each region's value 10% lower to 10% higher).\n");
        Section(sb, typeof(Scenario), new Scenario(), "", "Run settings");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, Type type, object defaults, string path, string title)
    {
        var fields = ParameterTree.Fields(type);
        var values = fields.Where(f => f.Kind != FieldKind.Section).ToList();
        if (values.Count > 0 && values.All(f => f.Param is null)) values.Clear();
        sb.Append('\n').Append(path.Length == 0 ? "## " : "## `").Append(path.Length == 0 ? title : path).Append(path.Length == 0 ? "" : "`").Append("\n\n");
        if (path.Length > 0) sb.Append(title).Append("\n\n");
        if (values.Count > 0)
        {
            sb.Append("| field | unit | default | range | uncertainty | meaning | source or rationale |\n|---|---|---|---|---|---|---|\n");
            foreach (var f in values)
            {
                var p = f.Param!;
                sb.Append("| `").Append(f.Name).Append("` | ").Append(p.Unit).Append(" | ")
                  .Append(p.Required ? "(required)" : Cell(Format(f.Property.GetValue(f.Holder(defaults))))).Append(" | ")
                  .Append(f.Kind == FieldKind.Choice ? string.Join(", ", ParameterTree.ChoiceNames(f.Type)) : Range(p)).Append(" | ")
                  .Append(Cell(Uncertainty(p, f.Kind, path.Length == 0 ? f.Name : $"{path}.{f.Name}"))).Append(" | ")
                  .Append(Cell(p.Description)).Append(" | ").Append(Cell(p.Source)).Append(" |\n");
            }
        }
        foreach (var f in fields.Where(f => f.Kind is FieldKind.Section or FieldKind.RecordList))
        {
            string childPath = path.Length == 0 ? f.Name : $"{path}.{f.Name}";
            object value = f.Property.GetValue(f.Holder(defaults))!;
            if (f.Kind == FieldKind.Section)
            {
                Section(sb, f.Type, value, childPath, f.Description);
                continue;
            }
            // A list of records: document one entry's fields, with a fresh entry's defaults.
            var elementType = f.Type.GetElementType()!;
            Section(sb, elementType, Activator.CreateInstance(elementType)!, childPath + "[]",
                $"Each entry of `{childPath}`. {f.Description}");
        }
    }

    private static string Range(ParamAttribute p) =>
        (double.IsNegativeInfinity(p.Min), double.IsPositiveInfinity(p.Max)) switch
        {
            (true, true) => "",
            (false, true) => $"≥ {Number(p.Min)}",
            (true, false) => $"≤ {Number(p.Max)}",
            _ => $"{Number(p.Min)} to {Number(p.Max)}",
        };

    /// <summary>The uncertainty range and its reason, or why an assumed parameter has none.</summary>
    private static string Uncertainty(ParamAttribute p, FieldKind kind, string path)
    {
        if (UncertaintyRanges.NotVaried.TryGetValue(path, out string? reason)) return $"none: {reason}";
        if (!p.HasUncertainty) return "";
        string range = kind == FieldKind.ByRegion ? $"×{Number(p.UncertainLow)} to ×{Number(p.UncertainHigh)}" : $"{Number(p.UncertainLow)} to {Number(p.UncertainHigh)}";
        return $"{range}: {p.UncertainWhy}";
    }

    internal static string Format(object? value) => value switch
    {
        null => "",
        string s => s.Length == 0 ? "(empty)" : s,
        bool b => b ? "true" : "false",
        Enum e => ParameterTree.ChoiceName(e),
        YearSchedule s => string.Join(", ", s.Years.Select((y, i) => $"{y}: {Number(s.Values[i])}")),
        Array a when ParameterTree.KindOf(a.GetType()) == FieldKind.RecordList =>
            a.Length == 0 ? "(none)" : string.Join(", ", a.Cast<object>().Select(e => e.GetType().GetProperty("Id")?.GetValue(e)?.ToString() ?? "entry")),
        Array a => "[" + string.Join(", ", a.Cast<object>().Select(Format)) + "]",
        double or int or long or ulong => Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ when value.GetType().GetProperty("Values")?.GetValue(value) is IEnumerable regions =>
            string.Join(", ", Regions.Names.Zip(regions.Cast<object>(), (r, v) => $"{r} {Format(v)}")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Number(double x) => x.ToString("G", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
