using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// `ecosim solve SCENARIO --vary PATH=LOW..HIGH --target METRIC=VALUE [--year Y] [--scope S]`: the
/// value of one parameter at which a metric reaches a target (<see cref="Solver"/>), printed with its
/// interval, and DIR/solve.csv (every evaluation) and DIR/solve.json (the answer) written.
/// </summary>
public static class SolveHandler
{
    public const string TableFile = "solve.csv";
    public const string ResultFile = "solve.json";

    /// <summary>Evaluations a search may run unless --max-runs says otherwise: each is a full set of replications.</summary>
    public const int DefaultMaxRuns = 12;

    /// <summary>The default tolerance on the parameter, as a share of the range: a hundredth is finer than any policy lever is set.</summary>
    public const double DefaultRelativeTolerance = 0.01;

    /// <summary>What the command line asked for.</summary>
    public sealed record Request(string Vary, string Target, int? Year, string Scope, double? Tolerance, int MaxRuns);

    private sealed record Input(Scenario Scenario, string Path, double Low, double High, SolveTarget Target, double Tolerance, string OutPath);

    public static async Task<int> ExecuteAsync(RunRequest request, Request solve, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (input, exit) = await CommandSession.CheckAsync(() => Check(request, solve), stderr);
        if (input is null) return exit;
        var scenario = input.Scenario;
        using var directory = RunDirectory.Create(input.OutPath, request.Force);
        return await CommandSession.ExecuteAsync(request, scenario, (long)scenario.Households * scenario.Years * scenario.Replications * solve.MaxRuns,
            directory.File(RunLogging.FileName), "search", "no output directory was written", stdout, stderr, async (session, experiment) =>
            {
                session.Log.Information("Solving {Metric} ({Scope}, {Year}) = {Value} over {Path} in [{Low}, {High}], {Replications} replication(s) each",
                    input.Target.Metric, input.Target.Scope, input.Target.Year, input.Target.Value, input.Path, input.Low, input.High, scenario.Replications);
                var result = await Solver.SolveAsync(input.Path, input.Low, input.High, input.Target, input.Tolerance, solve.MaxRuns, async x =>
                {
                    var run = await experiment.RunAsync(Solver.At(scenario, input.Path, x), session.Parallelism(scenario), session.Observer(), cancellationToken);
                    var values = Solver.Values(run, input.Target);
                    session.Log.Information("{Path} = {X}: {Metric} = {Mean}", input.Path, Solver.Format(x), input.Target.Metric, values.Average());
                    return values;
                });
                Write(directory, result, input);
                string answer = Answer(result);
                return () =>
                {
                    directory.Commit();
                    return answer + "\n" + directory.FinalPath;
                };
            }, cancellationToken);
    }

    /// <summary>The answer in one line.</summary>
    public static string Answer(SolveResult result) =>
        result.Root is not { } root ? $"no solution: {result.OutOfReach}"
        : string.Create(CultureInfo.InvariantCulture,
            $"{result.Path} = {root.Mean:G6} (95% interval {Show(root.CiLow)} to {Show(root.CiHigh)}, {root.N} replications) gives {result.Target.Metric} = {result.Target.Value:G6} ({result.Target.Scope}, {result.Target.Year}) after {result.Evaluations.Count} runs");

    private static string Show(double x) => double.IsNaN(x) ? "n/a" : x.ToString("G6", CultureInfo.InvariantCulture);

    private static Input Check(RunRequest request, Request solve)
    {
        var (scenario, _) = CommandSession.LoadChecked(request.Scenario, request);
        var (path, low, high) = ParseRange(solve.Vary);
        var (metric, value) = ParseTarget(solve.Target);
        int year = solve.Year ?? scenario.EndYear;
        if (year < scenario.StartYear || year > scenario.EndYear) throw new UsageException($"--year: {year} is not simulated ({scenario.StartYear}-{scenario.EndYear})");
        ScopeCheck.Check("--scope", solve.Scope, scenario);
        if (solve.MaxRuns is < 3 or > 100) throw new UsageException($"--max-runs: {solve.MaxRuns} is out of range: must be between 3 and 100");
        double tolerance = solve.Tolerance ?? (high - low) * DefaultRelativeTolerance;
        if (!(tolerance > 0) || !double.IsFinite(tolerance)) throw new UsageException($"--tolerance: {tolerance} must be a positive number");
        // Every value the search may try must be a valid value of the parameter: the ends and one between them stand for all.
        try
        {
            SweepGrid.Points(scenario, [new SweepAxis(path, [Solver.Format(low), Solver.Format((low + high) / 2), Solver.Format(high)])]);
        }
        catch (ScenarioException e)
        {
            throw new UsageException($"--vary: {e.Problems[0].Field}: {e.Problems[0].Message} (solve varies one number from LOW to HIGH)");
        }
        string outPath = CommandSession.OutPath(request, $"solve-{CommandSession.Slug(scenario.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
        return new Input(scenario, path, low, high, new SolveTarget(metric, value, year, solve.Scope), tolerance, outPath);
    }

    /// <summary>PATH=LOW..HIGH with LOW below HIGH.</summary>
    public static (string Path, double Low, double High) ParseRange(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (eq <= 0 || dots < eq ||
            !double.TryParse(text[(eq + 1)..dots], NumberStyles.Float, CultureInfo.InvariantCulture, out double low) ||
            !double.TryParse(text[(dots + 2)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double high) ||
            !double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new UsageException($"--vary: '{text}' is not PATH=LOW..HIGH (numbers, e.g. market.products[open_cover].premium_cap_yuan=20..200)");
        }
        if (!(low < high)) throw new UsageException($"--vary: the range {low}..{high} is empty: LOW must be below HIGH");
        return (text[..eq].Trim(), low, high);
    }

    /// <summary>METRIC=VALUE with a metric of the registry.</summary>
    public static (string Metric, double Value) ParseTarget(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new UsageException($"--target: '{text}' is not METRIC=VALUE (e.g. supplementary_medical_uptake=0.2)");
        }
        string metric = text[..eq].Trim();
        if (!MetricRegistry.All.Any(m => m.Name == metric)) throw new UsageException($"--target: '{metric}' is not a metric (docs/metrics.md lists them)");
        return (metric, value);
    }

    private static void Write(RunDirectory directory, SolveResult result, Input input)
    {
        using (var csv = Csv.ToFile(directory.File(TableFile), ["run", "value", "mean", "sd", "ci_low", "ci_high", "n"]))
        {
            int run = 0;
            foreach (var e in result.Evaluations)
            {
                var s = e.Summary;
                csv.WriteRow((++run).ToString(CultureInfo.InvariantCulture), Solver.Format(e.X), MetricsTable.FormatValue(s.Mean), MetricsTable.FormatValue(s.Sd),
                    MetricsTable.FormatValue(s.CiLow), MetricsTable.FormatValue(s.CiHigh), s.N.ToString(CultureInfo.InvariantCulture));
            }
        }
        var json = new JsonObject
        {
            ["scenario"] = input.Scenario.Name,
            ["parameter"] = input.Path,
            ["low"] = input.Low,
            ["high"] = input.High,
            ["tolerance"] = input.Tolerance,
            ["metric"] = input.Target.Metric,
            ["target"] = input.Target.Value,
            ["year"] = input.Target.Year,
            ["scope"] = input.Target.Scope,
            ["replications"] = input.Scenario.Replications,
            ["seed"] = input.Scenario.Seed.ToString(CultureInfo.InvariantCulture),
            ["runs"] = result.Evaluations.Count,
            ["solution"] = result.Root is { } r ? new JsonObject { ["mean"] = Finite(r.Mean), ["ci_low"] = Finite(r.CiLow), ["ci_high"] = Finite(r.CiHigh), ["n"] = r.N } : null,
            ["out_of_reach"] = result.OutOfReach,
            ["answer"] = Answer(result),
        };
        File.WriteAllText(directory.File(ResultFile), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonNode? Finite(double x) => double.IsFinite(x) ? JsonValue.Create(x) : null;
}
