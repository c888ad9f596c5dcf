using System.Globalization;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Reports.Plots;
using EcosystemSim.Scenarios.Loading;
using Serilog;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// `ecosim sensitivity SCENARIO --method morris|sobol [--params ...] [--metrics ...] [--year Y] [--scope S]`:
/// which uncertain parameters drive which results (<see cref="Sensitivity"/>). Writes DIR/sensitivity.csv
/// (every index with its interval), DIR/sensitivity_runs.csv (every point run and its metrics), a tornado
/// plot per metric and manifest.json; prints the parameters that matter most for each metric.
/// </summary>
public static class SensitivityHandler
{
    public const string TableFile = "sensitivity.csv";
    public const string RunsFile = "sensitivity_runs.csv";

    /// <summary>sensitivity.csv's columns: one row per parameter, metric and index.</summary>
    public static readonly string[] Columns = ["parameter", "metric", "year", "scope", "method", "index", "value", "ci_low", "ci_high"];

    /// <summary>Parameters named per metric in the printed answer; the CSV and the plots hold them all.</summary>
    public const int ShownPerMetric = 3;

    public static async Task<int> ExecuteAsync(RunRequest request, SensitivityRequest ask, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (input, exit) = await CommandSession.CheckAsync(() => SensitivityInput.Check(request, ask), stderr);
        if (input is null) return exit;
        var scenario = input.Scenario;
        int runs = input.Design.Runs(input.Question.Factors.Count);
        // With one replication per run, points run side by side on the cores the replications leave free.
        int parallel = request.Parallel ?? Experiment.DefaultParallelism(scenario.Replications);
        int pointsAtOnce = request.Parallel is null ? Math.Max(1, Environment.ProcessorCount / parallel) : 1;
        var size = scenario with { Replications = Math.Max(scenario.Replications, pointsAtOnce * parallel) };
        using var directory = RunDirectory.Create(input.OutPath, request.Force);
        return await CommandSession.ExecuteAsync(request, size, (long)scenario.Households * scenario.Years * scenario.Replications * runs,
            directory.File(RunLogging.FileName), "sensitivity analysis", "no output directory was written", stdout, stderr, async (session, experiment) =>
            {
                session.Log.Information("Sensitivity of {Scenario} by {Method}: {Parameters} parameters, {Metrics} metrics ({Scope}, {Year}): {Runs} runs of {Replications} replication(s), {AtOnce} at once",
                    scenario.Name, input.Design.Method, input.Question.Factors.Count, input.Question.Metrics.Count, input.Question.Scope, input.Question.Year,
                    runs, scenario.Replications, pointsAtOnce);
                // Hundreds of runs: their year-by-year lines would drown the log; the progress display and one line per point at debug level say enough.
                using var quietLog = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Logger(session.Log).CreateLogger();
                var quiet = new Experiment(experiment.Engine, quietLog);
                var result = await Sensitivity.RunAsync(scenario, input.Question, input.Design, pointsAtOnce, async (n, at, token) =>
                {
                    var run = await quiet.RunAsync(at, session.Parallelism(scenario), session.Observer(), token);
                    var values = Sensitivity.Values(run, input.Question);
                    session.Log.Debug("Point {Point} of {Runs}: {Values}", n, runs, values);
                    return values;
                }, cancellationToken);
                foreach (var (metric, m) in input.Question.Metrics.Select((metric, m) => (metric, m)).Where(x => result.Points.All(p => double.IsNaN(p.Metrics[x.m]))))
                {
                    session.Log.Warning("{Metric} has no value for {Scope} in {Year} at any point: its indices are NaN", metric, input.Question.Scope, input.Question.Year);
                }
                var files = Write(directory, result);
                var manifest = Manifest(input, runs, experiment.Engine.Engine, experiment.Engine.Silos, session, [.. files, RunLogging.FileName, RunOutputs.ManifestFile]);
                File.WriteAllText(directory.File(RunOutputs.ManifestFile), manifest.ToJson());
                string answer = Answer(result);
                return () =>
                {
                    directory.Commit();
                    return answer + directory.FinalPath;
                };
            }, cancellationToken);
    }

    /// <summary>For each metric, one line: the parameters with the largest headline index (mu* or total), largest first.</summary>
    public static string Answer(SensitivityResult result)
    {
        var q = result.Question;
        string headline = result.Design.Headline;
        var sb = new System.Text.StringBuilder();
        for (int m = 0; m < q.Metrics.Count; m++)
        {
            var top = Ranked(result, m).Take(ShownPerMetric).Select(x => string.Create(CultureInfo.InvariantCulture, $"{q.Factors[x.Parameter].Path} ({x.Value:G3})"));
            sb.Append(CultureInfo.InvariantCulture, $"{q.Metrics[m]} ({q.Scope}, {q.Year}), by {headline}: {string.Join(", ", top)}\n");
        }
        return sb.ToString();
    }

    /// <summary>The headline indices of a metric, largest first (ties by path); NaN last.</summary>
    public static IEnumerable<SensitivityIndex> Ranked(SensitivityResult result, int metric) =>
        result.Indices.Where(x => x.Metric == metric && x.Index == result.Design.Headline)
            .OrderByDescending(x => double.IsNaN(x.Value) ? double.NegativeInfinity : x.Value)
            .ThenBy(x => result.Question.Factors[x.Parameter].Path, StringComparer.Ordinal);

    /// <summary>sensitivity.csv, sensitivity_runs.csv and the tornado plots; the files written, relative to the directory.</summary>
    private static List<string> Write(RunDirectory directory, SensitivityResult result)
    {
        var q = result.Question;
        string method = result.Design.Method == SensitivityMethod.Morris ? "morris" : "sobol";
        string year = q.Year.ToString(CultureInfo.InvariantCulture);
        using (var csv = Csv.ToFile(directory.File(TableFile), Columns))
        {
            foreach (var x in result.Indices)
            {
                csv.WriteRow(q.Factors[x.Parameter].Path, q.Metrics[x.Metric], year, q.Scope, method, x.Index,
                    MetricsTable.FormatValue(x.Value), MetricsTable.FormatValue(x.CiLow), MetricsTable.FormatValue(x.CiHigh));
            }
        }
        WriteRuns(directory.File(RunsFile), result);
        var files = new List<string> { TableFile, RunsFile };
        for (int m = 0; m < q.Metrics.Count; m++)
        {
            var bars = Ranked(result, m).Select(x => new TornadoBar(q.Factors[x.Parameter].Path, x.Value, x.CiLow, x.CiHigh)).ToArray();
            string name = $"tornado_{q.Metrics[m]}";
            PlotFiles.Write(SensitivityPlots.Tornado(q.Metrics[m], q.Year, q.Scope, result.Design.Headline, bars), directory.File(RunOutputs.PlotsDirectory), name);
            files.Add($"{RunOutputs.PlotsDirectory}/{name}.png");
            files.Add($"{RunOutputs.PlotsDirectory}/{name}.svg");
        }
        return files;
    }

    /// <summary>
    /// sensitivity_runs.csv: `run,block,row,moved,PATH1,...,METRIC1,...`. Morris: block is the trajectory,
    /// row the step (0 its start), moved the parameter the step moved. Sobol: block A, B or AB, row the
    /// sample row, moved (AB only) the parameter whose value comes from B.
    /// </summary>
    private static void WriteRuns(string path, SensitivityResult result)
    {
        var q = result.Question;
        int k = q.Factors.Count;
        using var csv = Csv.ToFile(path, ["run", "block", "row", "moved", .. q.Factors.Select(f => f.Path), .. q.Metrics]);
        for (int n = 0; n < result.Points.Count; n++)
        {
            var (block, row, moved) = result.Design.Method == SensitivityMethod.Morris
                ? ((n / (k + 1) + 1).ToString(CultureInfo.InvariantCulture), n % (k + 1), n % (k + 1) == 0 ? -1 : Moved(result.Points[n - 1].Unit, result.Points[n].Unit))
                : SobolBlock(n, result.Design.Size);
            var point = result.Points[n];
            csv.WriteRow([(n + 1).ToString(CultureInfo.InvariantCulture), block, row.ToString(CultureInfo.InvariantCulture), moved < 0 ? "" : q.Factors[moved].Path,
                .. point.Values.Select(MetricsTable.FormatValue), .. point.Metrics.Select(MetricsTable.FormatValue)]);
        }
    }

    /// <summary>The parameter a Morris step moved: the one coordinate that differs.</summary>
    private static int Moved(double[] before, double[] after) => Enumerable.Range(0, after.Length).First(i => after[i] != before[i]);

    private static (string Block, int Row, int Moved) SobolBlock(int n, int samples) =>
        n < samples ? ("A", n + 1, -1) : n < 2 * samples ? ("B", n - samples + 1, -1) : ("AB", n % samples + 1, n / samples - 2);

    private static SensitivityManifest Manifest(SensitivityInput input, int runs, string engine, int silos, CommandSession session, IReadOnlyList<string> files)
    {
        var (scenario, design, q) = (input.Scenario, input.Design, input.Question);
        bool morris = design.Method == SensitivityMethod.Morris;
        return new SensitivityManifest
        {
            Kind = "sensitivity",
            Scenario = scenario.Name,
            ScenarioSource = input.Loaded.Source,
            ScenarioSha256 = input.Loaded.Sha256,
            Parameters = ScenarioWriter.ToJson(scenario),
            Method = morris ? "morris" : "sobol",
            Trajectories = morris ? design.Size : null,
            Levels = morris ? design.Levels : null,
            Samples = morris ? null : design.Size,
            DesignSeed = design.Seed,
            Runs = runs,
            Year = q.Year,
            Scope = q.Scope,
            Metrics = q.Metrics,
            Varied = q.Factors.Select(f => new SensitivityManifestParameter(f.Path, f.Low, f.High,
                f.ByRegion ? "factor_on_every_region" : f.WholeNumber ? "whole_number" : "value")).ToArray(),
            Seeds = Experiment.Seeds(scenario),
            Replications = scenario.Replications,
            Households = scenario.Households,
            StartYear = scenario.StartYear,
            EndYear = scenario.EndYear,
            Engine = engine,
            Silos = silos,
            ProgramVersion = ProgramInfo.Version,
            ProgramCommit = ProgramInfo.Commit,
            CommandLine = session.Request.CommandLine,
            StartedUtc = session.Started,
            FinishedUtc = DateTimeOffset.UtcNow,
            WallSeconds = session.Clock.Elapsed.TotalSeconds,
            Files = files,
            Prices = RunPlan.Prices(scenario),
        };
    }
}
