using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// The uncertainty ranges `ecosim sensitivity` varies parameters over: every assumed or calibrated
/// parameter has one or is excluded with a reason, and every range is admissible, holds the default
/// and has its rationale.
/// </summary>
public class UncertaintyRangeTests
{
    /// <summary>Every field of the tree (list entries' fields under PATH[]), with the path of the list for those.</summary>
    private static IEnumerable<(string Path, string? List, ParameterField Field)> Fields(Type type, string path, string? list)
    {
        foreach (var field in ParameterTree.Fields(type))
        {
            string child = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            yield return (child, list, field);
            if (field.Kind == FieldKind.Section) foreach (var f in Fields(field.Type, child, list)) yield return f;
            if (field.Kind == FieldKind.RecordList) foreach (var f in Fields(field.Type.GetElementType()!, child + "[]", list ?? child)) yield return f;
        }
    }

    private static readonly (string Path, string? List, ParameterField Field)[] All = Fields(typeof(ModelParameters), "", null).ToArray();

    [Fact]
    public void Every_assumed_or_calibrated_parameter_has_a_range_or_a_reason_for_none()
    {
        var missing = All.Where(f => f.Field.Param is { } p && (p.Source.StartsWith("Assumption", StringComparison.Ordinal) || p.Source.StartsWith("Calibrated", StringComparison.Ordinal)))
            .Where(f => UncertaintyRanges.Find(f.Path) is null && !UncertaintyRanges.NotVaried.ContainsKey(f.Path) && !(f.List is { } list && UncertaintyRanges.NotVaried.ContainsKey(list)))
            .Select(f => f.Path).ToList();
        Assert.True(missing.Count == 0, "no uncertainty range and no reason: " + string.Join(", ", missing));
        Assert.All(UncertaintyRanges.NotVaried, e => Assert.Contains(All, f => f.Path == e.Key && f.List is null));
        Assert.True(UncertaintyRanges.All.Count >= 100, $"{UncertaintyRanges.All.Count} ranges");
    }

    [Fact]
    public void A_range_is_declared_only_where_sensitivity_can_vary_it()
    {
        var declared = All.Where(f => f.Field.Param is { HasUncertainty: true }).Select(f => f.Path);
        Assert.Equal(declared, UncertaintyRanges.All.Select(p => p.Path));
        Assert.DoesNotContain(UncertaintyRanges.All, p => UncertaintyRanges.NotVaried.ContainsKey(p.Path));
    }

    [Fact]
    public void Every_range_is_admissible_holds_the_default_and_says_why()
    {
        var defaults = new ModelParameters();
        var problems = new List<string>();
        foreach (var p in UncertaintyRanges.All)
        {
            var param = p.Param;
            object value = ParameterPath.Parse(p.Path, typeof(ModelParameters), out _)!.Get(defaults)!;
            double[] values = p.ByRegion ? ((RegionValues<double>)value).Values.ToArray() : [Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)];
            double at = p.ByRegion ? 1 : values[0];
            if (!(p.Low < p.High)) problems.Add($"{p.Path}: {p.Low} is not below {p.High}");
            if (!(p.Low <= at && at <= p.High)) problems.Add($"{p.Path}: the default {at} is outside {p.Low}..{p.High}");
            foreach (double v in values)
            {
                double low = p.ByRegion ? v * p.Low : p.Low, high = p.ByRegion ? v * p.High : p.High;
                if (low < param.Min || high > param.Max) problems.Add($"{p.Path}: {low}..{high} leaves the admissible {param.Min}..{param.Max}");
            }
            if (p.WholeNumber && (p.Low % 1 != 0 || p.High % 1 != 0)) problems.Add($"{p.Path}: a whole-number parameter needs whole-number ends");
            if (param.UncertainWhy.Length < 10) problems.Add($"{p.Path}: no rationale");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void Every_parameter_at_the_same_end_of_its_range_is_a_valid_scenario(double unit)
    {
        var factors = UncertaintyRanges.All.Select(SensitivityFactor.Of).ToArray();
        var scenario = Sensitivity.At(new Scenario { Name = "baseline" }, factors, factors.Select(_ => unit).ToArray(), 1);
        Assert.Empty(ScenarioLoader.Check(scenario, "test"));
        var first = factors.First(f => f.ByRegion);
        var regions = (RegionValues<double>)ParameterPath.Parse(first.Path, typeof(ModelParameters), out _)!.Get(scenario.Model)!;
        var defaults = (RegionValues<double>)ParameterPath.Parse(first.Path, typeof(ModelParameters), out _)!.Get(new ModelParameters())!;
        Assert.Equal(defaults.East * first.At(unit), regions.East, 12);
    }
}
