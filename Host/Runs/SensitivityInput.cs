using System.Globalization;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>What `ecosim sensitivity` was asked, as the command line gave it.</summary>
public sealed record SensitivityRequest(string Method, string? Params, string? Metrics, int? Year, string Scope, int Trajectories, int Samples, int Levels);

/// <summary>`ecosim sensitivity`'s input checked: the scenario, the question, the design and where to write.</summary>
public sealed record SensitivityInput(Scenario Scenario, LoadedScenario Loaded, SensitivityQuestion Question, SensitivityDesign Design, string OutPath)
{
    /// <summary>The metrics analysed when --metrics is not given: the pension level, poverty, inequality and medical coverage.</summary>
    public static readonly string[] DefaultMetrics = ["avg_monthly_pension_yuan", "poverty_headcount", "gini_post_transfer", "medical_enrollment_rate"];

    /// <summary>Bounds of --trajectories: two give a spread; beyond a thousand Morris is dearer than Sobol.</summary>
    public const int MinTrajectories = 2, MaxTrajectories = 1000;

    /// <summary>Bounds of --samples: the bootstrap needs a few rows; beyond 100,000 the runs do not finish.</summary>
    public const int MinSamples = 4, MaxSamples = 100_000;

    /// <summary>Bounds of --levels (even): 2 is the corners only; above 20 the grid is finer than any range is known.</summary>
    public const int MinLevels = 2, MaxLevels = 20;

    /// <summary>Checks the request; bad input throws a <see cref="UsageException"/> or <see cref="ScenarioException"/> naming the option.</summary>
    public static SensitivityInput Check(RunRequest request, SensitivityRequest ask)
    {
        var (scenario, loaded) = CommandSession.LoadChecked(request.Scenario, request);
        var method = ask.Method == "sobol" ? SensitivityMethod.Sobol : SensitivityMethod.Morris;
        var factors = Factors(ask.Params);
        ScopeCheck.Check("--scope", ask.Scope, scenario);
        var metrics = Metrics(ask.Metrics, ask.Scope);
        int year = ask.Year ?? scenario.EndYear;
        if (year < scenario.StartYear || year > scenario.EndYear) throw new UsageException($"--year: {year} is not simulated ({scenario.StartYear}-{scenario.EndYear})");
        if (ask.Trajectories is < MinTrajectories or > MaxTrajectories)
            throw new UsageException($"--trajectories: {ask.Trajectories} is out of range: must be between {MinTrajectories} and {MaxTrajectories}");
        if (ask.Samples is < MinSamples or > MaxSamples) throw new UsageException($"--samples: {ask.Samples} is out of range: must be between {MinSamples} and {MaxSamples}");
        if (ask.Levels is < MinLevels or > MaxLevels || ask.Levels % 2 != 0)
            throw new UsageException($"--levels: {ask.Levels} must be an even number between {MinLevels} and {MaxLevels}");
        // The design's corners stand for every point: each parameter at the low ends together, then at the high ends.
        foreach (double end in new[] { 0.0, 1.0 })
        {
            try
            {
                Sensitivity.At(scenario, factors, factors.Select(_ => end).ToArray(), 0);
            }
            catch (ScenarioException e)
            {
                throw new UsageException($"--params: with every parameter at the {(end == 0 ? "low" : "high")} end of its range, {e.Problems[0].Field}: {e.Problems[0].Message}");
            }
        }
        var design = new SensitivityDesign(method, method == SensitivityMethod.Morris ? ask.Trajectories : ask.Samples, ask.Levels, Sensitivity.DesignSeed(scenario.Seed));
        // Every point of the design must be a valid scenario before any runs: a pair of ranges that breaks a rule between two fields
        // (an entry age above the pension age) would otherwise end the analysis hours in.
        var points = design.Points(factors.Count);
        for (int n = 0; n < points.Length; n++)
        {
            try
            {
                Sensitivity.At(scenario, factors, points[n], n + 1);
            }
            catch (ScenarioException e)
            {
                throw new UsageException($"--params: at point {n + 1} of the design, {e.Problems[0].Field}: {e.Problems[0].Message}");
            }
        }
        string outPath = CommandSession.OutPath(request, $"sensitivity-{CommandSession.Slug(scenario.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
        return new SensitivityInput(scenario, loaded, new SensitivityQuestion(factors, metrics, year, ask.Scope), design, outPath);
    }

    /// <summary>--params: PATH or PATH=LOW..HIGH, separated by commas; every parameter with an uncertainty range when not given.</summary>
    public static IReadOnlyList<SensitivityFactor> Factors(string? text)
    {
        if (text is null) return UncertaintyRanges.All.Select(SensitivityFactor.Of).ToArray();
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0)) throw new UsageException($"--params: an empty entry in '{text}'");
        var factors = items.Select(Factor).ToArray();
        if (factors.GroupBy(f => f.Path).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new UsageException($"--params: {twice.Key} is given twice");
        return factors;
    }

    private static SensitivityFactor Factor(string item)
    {
        int eq = item.IndexOf('=', StringComparison.Ordinal);
        string path = eq < 0 ? item : item[..eq].Trim();
        var parsed = ParameterPath.Parse(path, typeof(ModelParameters), out string? error) ?? throw new UsageException($"--params: {error}");
        bool byRegion = parsed.Kind == FieldKind.ByRegion && parsed.ValueType == typeof(RegionValues<double>);
        if (parsed.Kind is not (FieldKind.Number or FieldKind.Integer) && !byRegion)
        {
            throw new UsageException($"--params: '{path}' is not a number (sensitivity varies numbers, whole numbers, and values by region by a common factor)");
        }
        if (eq < 0)
        {
            return UncertaintyRanges.Find(path) is { } declared ? SensitivityFactor.Of(declared)
                : throw new UsageException($"--params: '{path}' has no uncertainty range (docs/parameters.md lists them); give one as {path}=LOW..HIGH");
        }
        string range = item[(eq + 1)..];
        int dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0 || !double.TryParse(range[..dots], NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
            || !double.TryParse(range[(dots + 2)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double high) || !double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new UsageException($"--params: '{item}' is not PATH or PATH=LOW..HIGH (numbers)");
        }
        if (!(low < high)) throw new UsageException($"--params: {path}: the range {low}..{high} is empty: LOW must be below HIGH");
        return new SensitivityFactor(path, low, high, parsed.Kind == FieldKind.Integer, byRegion);
    }

    /// <summary>--metrics: metrics of the registry that are reported in the scope; the default set when not given.</summary>
    public static IReadOnlyList<string> Metrics(string? text, string scope)
    {
        var needed = ScopeCheck.Needs(scope) ?? throw new UsageException($"--scope: '{scope}' is not {MetricRegistry.ScopesHelp}");
        var names = text is null ? DefaultMetrics : text.Split(',', StringSplitOptions.TrimEntries);
        foreach (string name in names)
        {
            var definition = MetricRegistry.All.FirstOrDefault(m => m.Name == name) ?? throw new UsageException($"--metrics: '{name}' is not a metric (docs/metrics.md lists them)");
            if ((definition.Scope & needed) != needed) throw new UsageException($"--metrics: '{name}' is not reported for {scope} (docs/metrics.md says where each metric is)");
        }
        if (names.Distinct().Count() != names.Length) throw new UsageException("--metrics: a metric is given twice");
        return names;
    }
}
