using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Scenarios;

/// <summary>
/// Compiles a scenario's interventions into the parameters in force year by year. The parameters of
/// a year are the scenario's own with every intervention in force that year applied, in year order
/// (file order within a year); a campaign stops being applied when it ends, so its values return.
/// </summary>
public static class ScenarioTimeline
{
    public static ParameterTimeline Compile(Scenario scenario) => Compile(scenario, (_, _, _) => { });

    /// <summary>Compiles and checks each year's parameter set, reporting (intervention index, field, message) for sets that break a rule.</summary>
    public static ParameterTimeline Compile(Scenario scenario, Action<int, string, string> report)
    {
        var order = Enumerable.Range(0, scenario.Interventions.Length)
            .OrderBy(i => scenario.Interventions[i].Year).ThenBy(i => i).ToArray();
        var changeYears = new SortedSet<int> { scenario.StartYear };
        foreach (var iv in scenario.Interventions)
        {
            changeYears.Add(iv.Year);
            if (iv.Years > 0) changeYears.Add(iv.Year + iv.Years);
        }
        var years = new List<int>();
        var sets = new List<ModelParameters>();
        string previous = "";
        foreach (int year in changeYears.Where(y => y >= scenario.StartYear && y <= scenario.EndYear))
        {
            var active = order.Where(i => scenario.Interventions[i].ActiveIn(year)).ToArray();
            string key = string.Join(',', active);
            if (years.Count > 0 && key == previous) continue;
            previous = key;
            var parameters = active.Aggregate(scenario.Model, (p, i) => Apply(p, scenario.Interventions[i]));
            if (active.Length > 0)
            {
                ParameterValidator.Validate(parameters, "", (field, message) =>
                    report(active[^1], field, $"from {year} the parameters would break a rule: {field}: {message}"));
            }
            years.Add(years.Count == 0 ? int.MinValue : year);
            sets.Add(parameters);
        }
        return new ParameterTimeline([.. years], [.. sets]);
    }

    /// <summary>The parameters with one intervention's changes applied.</summary>
    public static ModelParameters Apply(ModelParameters parameters, Intervention intervention)
    {
        object p = parameters;
        foreach (var change in intervention.Set)
        {
            p = Path(change.Path).Set(p, change.Value);
        }
        foreach (string id in intervention.Launch)
        {
            p = Path($"market.products[{id}].launch_year").Set(p, intervention.Year);
            p = Path($"market.products[{id}].withdraw_year").Set(p, 0);
        }
        foreach (string id in intervention.Withdraw)
        {
            p = Path($"market.products[{id}].withdraw_year").Set(p, intervention.Year);
        }
        return (ModelParameters)p;
    }

    private static ParameterPath Path(string text) =>
        ParameterPath.Parse(text, typeof(ModelParameters), out string? error) ?? throw new InvalidOperationException(error);
}
