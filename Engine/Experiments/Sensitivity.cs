using System.Globalization;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// A parameter as a sensitivity analysis varies it: its path and range. A whole-number parameter is
/// rounded to the nearest whole number; for a value by region (<see cref="ByRegion"/>) the range is a
/// factor that multiplies every region's value in the scenario alike.
/// </summary>
public sealed record SensitivityFactor(string Path, double Low, double High, bool WholeNumber, bool ByRegion)
{
    /// <summary>The parameter's number at a point of the unit interval (the factor, for a value by region).</summary>
    public double At(double unit)
    {
        double x = Low + unit * (High - Low);
        return WholeNumber ? Math.Round(x, MidpointRounding.AwayFromZero) : x;
    }

    /// <summary>The value to set at a point of the unit interval, typed as the parameter is.</summary>
    public object Value(Scenario scenario, double unit)
    {
        double x = At(unit);
        if (WholeNumber) return (int)x;
        if (!ByRegion) return x;
        var path = ParameterPath.Parse(Path, typeof(ModelParameters), out string? error) ?? throw new InvalidOperationException(error);
        var regions = (RegionValues<double>)path.Get(scenario.Model)!;
        return new RegionValues<double>(regions.East * x, regions.Central * x, regions.West * x, regions.Northeast * x);
    }

    /// <summary>A parameter with its declared uncertainty range.</summary>
    public static SensitivityFactor Of(UncertainParameter p) => new(p.Path, p.Low, p.High, p.WholeNumber, p.ByRegion);
}

/// <summary>What a sensitivity analysis asks: which parameters, which metrics, in which year and scope.</summary>
public sealed record SensitivityQuestion(IReadOnlyList<SensitivityFactor> Factors, IReadOnlyList<string> Metrics, int Year, string Scope);

/// <summary>How the parameter space is sampled: the method, its size (Morris trajectories or Sobol base rows), Morris's grid levels, the seed of the design and of the bootstrap.</summary>
public sealed record SensitivityDesign(SensitivityMethod Method, int Size, int Levels, int Seed)
{
    /// <summary>The points to evaluate, each in the unit cube (one coordinate per parameter).</summary>
    public double[][] Points(int factors) => Method == SensitivityMethod.Morris
        ? MorrisMethod.Design(factors, Size, Levels, Seed)
        : SobolMethod.Design(factors, Size, Seed);

    /// <summary>Evaluations needed for <paramref name="factors"/> parameters: r (k + 1) or N (k + 2).</summary>
    public int Runs(int factors) => Method == SensitivityMethod.Morris ? Size * (factors + 1) : Size * (factors + 2);

    /// <summary>The indices' names, in the order they are reported.</summary>
    public IReadOnlyList<string> Indices => Method == SensitivityMethod.Morris ? MorrisMethod.Indices : SobolMethod.Indices;

    /// <summary>The index plotted and ranked by: mu* (Morris) or the total index (Sobol).</summary>
    public string Headline => Method == SensitivityMethod.Morris ? "mu_star" : "total";
}

/// <summary>One evaluated point: its coordinates in the unit cube, the parameters' numbers there, and each metric's mean over the replications.</summary>
public sealed record SensitivityPoint(double[] Unit, double[] Values, double[] Metrics);

/// <summary>A finished analysis: every point evaluated (in design order) and every index.</summary>
public sealed record SensitivityResult(SensitivityQuestion Question, SensitivityDesign Design, IReadOnlyList<SensitivityPoint> Points, IReadOnlyList<SensitivityIndex> Indices);

/// <summary>
/// `ecosim sensitivity`: which uncertain parameters drive which results. Every point of the design
/// runs the scenario with the parameters set there from the start (as a sweep point) and the
/// scenario's own seeds, so every point sees the same synthetic world and the same random draws
/// (common random numbers) and a metric moves only with the parameters; its value at the point is
/// the mean over the replications in the question's year and scope. Points run several at once and
/// are gathered in design order, so the result does not depend on which finished first.
/// </summary>
public static class Sensitivity
{
    /// <summary>
    /// Runs the design; <paramref name="evaluate"/> runs the scenario at one point (given its number,
    /// the scenario and a token that is cancelled when another point fails) and returns each metric's
    /// value there. One failed point stops the others, and its own failure is what is thrown.
    /// </summary>
    public static async Task<SensitivityResult> RunAsync(Scenario scenario, SensitivityQuestion question, SensitivityDesign design, int atOnce,
        Func<int, Scenario, CancellationToken, Task<double[]>> evaluate, CancellationToken cancellationToken)
    {
        var factors = question.Factors;
        double[][] unit = design.Points(factors.Count);
        var points = new SensitivityPoint[unit.Length];
        await Concurrent.ForEachAsync(unit.Length, atOnce, async (n, token) =>
        {
            var at = At(scenario, factors, unit[n], n + 1);
            points[n] = new SensitivityPoint(unit[n], factors.Select((f, i) => f.At(unit[n][i])).ToArray(), await evaluate(n + 1, at, token));
        }, cancellationToken);
        return new SensitivityResult(question, design, points, Analyse(question, design, unit, points));
    }

    /// <summary>The indices of every parameter for every metric, metric by metric.</summary>
    public static IReadOnlyList<SensitivityIndex> Analyse(SensitivityQuestion question, SensitivityDesign design, double[][] unit, IReadOnlyList<SensitivityPoint> points)
    {
        var indices = new List<SensitivityIndex>();
        int k = question.Factors.Count;
        for (int m = 0; m < question.Metrics.Count; m++)
        {
            var outputs = points.Select(p => p.Metrics[m]).ToArray();
            // Each metric's bootstrap starts from its own seed, so adding a metric leaves the others' intervals unchanged.
            int seed = unchecked(design.Seed + (m + 1) * BootstrapSeedStride);
            indices.AddRange(design.Method == SensitivityMethod.Morris
                ? MorrisMethod.Analyse(unit, outputs, k, m, seed)
                : SobolMethod.Analyse(outputs, k, m, seed));
        }
        return indices;
    }

    /// <summary>Spacing of the metrics' bootstrap seeds: each parameter of a metric takes the next seed, so no two (metric, parameter) pairs share one below this many parameters.</summary>
    public const int BootstrapSeedStride = 100_003;

    /// <summary>The scenario with the parameters at a point of the unit cube from the start; a combination the scenario's rules refuse is an error naming it.</summary>
    public static Scenario At(Scenario scenario, IReadOnlyList<SensitivityFactor> factors, double[] unit, int number)
    {
        var changes = factors.Select((f, i) => new ParameterChange(f.Path, f.Value(scenario, unit[i]))).ToArray();
        var problems = new List<ScenarioProblem>();
        string name = string.Create(CultureInfo.InvariantCulture, $"{scenario.Name} [sensitivity point {number}]");
        var point = ScenarioChanges.FromStart(scenario, changes, name, "sensitivity", problems);
        if (problems.Count > 0) throw new ScenarioException(problems);
        return point;
    }

    /// <summary>Each metric's mean over the replications in the question's year and scope (NaN where no replication has it).</summary>
    public static double[] Values(ScenarioResult result, SensitivityQuestion question) =>
        question.Metrics.Select(metric =>
        {
            var values = result.Metrics.SelectMany(table => table.Rows)
                .Where(row => row.Year == question.Year && row.Metric == metric && row.Region == question.Scope && double.IsFinite(row.Value))
                .Select(row => row.Value).ToArray();
            return values.Length == 0 ? double.NaN : values.Average();
        }).ToArray();

    /// <summary>The design's seed from the scenario's: a different --seed gives a different design as well as different worlds.</summary>
    public static int DesignSeed(ulong scenarioSeed) => unchecked((int)(scenarioSeed ^ (scenarioSeed >> 32)));
}
