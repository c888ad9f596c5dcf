using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Engine.Experiments;

/// <summary>One parameter of a sweep and the values it takes.</summary>
/// <param name="Path">A parameter path, as in an intervention's set.</param>
/// <param name="Values">The values, as written in YAML.</param>
public sealed record SweepAxis(string Path, IReadOnlyList<string> Values);

/// <summary>One point of a sweep: its label, the value of each axis, and the scenario it runs.</summary>
public sealed record SweepPoint(string Label, IReadOnlyList<string> Values, Scenario Scenario);

/// <summary>
/// A sweep: the grid of parameter values over a scenario, each point the scenario with the values
/// set from the start (as its own parameters, not an intervention). A point runs through
/// <see cref="Experiment.RunAsync"/> like any scenario, so a point whose values are the scenario's
/// own gives the scenario's metrics byte for byte.
/// </summary>
public static class SweepGrid
{
    /// <summary>Every point of the grid, the first axis varying slowest; a <see cref="ScenarioException"/> lists every bad value or point.</summary>
    public static IReadOnlyList<SweepPoint> Points(Scenario scenario, IReadOnlyList<SweepAxis> axes)
    {
        var problems = new List<ScenarioProblem>();
        if (axes.Count == 0) problems.Add(Problem("", "give at least one PATH=V1,V2,..."));
        foreach (var duplicate in axes.GroupBy(a => a.Path).Where(g => g.Count() > 1)) problems.Add(Problem("", $"{duplicate.Key} is given twice"));
        foreach (var axis in axes.Where(a => a.Values.Count == 0 || a.Values.Distinct().Count() != a.Values.Count))
        {
            problems.Add(Problem(axis.Path, axis.Values.Count == 0 ? "no values" : "a value is given twice"));
        }
        if (problems.Count > 0) throw new ScenarioException(problems);
        var changes = axes.Select(a => a.Values.Select(v => ScenarioChanges.Parse(scenario, a.Path, v, "--set", $"{a.Path}={v}", problems)).ToArray()).ToArray();
        if (problems.Count > 0) throw new ScenarioException(problems);

        var points = new List<SweepPoint>();
        foreach (int[] index in Grid(axes.Select(a => a.Values.Count).ToArray()))
        {
            string[] values = index.Select((v, k) => axes[k].Values[v]).ToArray();
            string label = string.Join(", ", axes.Select((a, k) => $"{a.Path}={values[k]}"));
            var point = ScenarioChanges.FromStart(scenario, [.. index.SelectMany((v, k) => changes[k][v])], $"{scenario.Name} [{label}]", $"--set {label}", problems);
            points.Add(new SweepPoint(label, values, point));
        }
        if (problems.Count > 0) throw new ScenarioException(problems);
        return points;
    }

    private static ScenarioProblem Problem(string field, string message) => new("--set", 0, 0, field, message);

    /// <summary>Every combination of value indices, the first axis varying slowest.</summary>
    private static IEnumerable<int[]> Grid(int[] sizes)
    {
        var index = new int[sizes.Length];
        while (true)
        {
            yield return (int[])index.Clone();
            int k = sizes.Length - 1;
            while (k >= 0 && ++index[k] == sizes[k]) index[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
