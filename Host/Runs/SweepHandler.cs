using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Host.Cli;
using EcosystemSim.Host.Engines;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>One parameter of a sweep and the values it takes.</summary>
/// <param name="Path">A parameter path, as in an intervention's set.</param>
/// <param name="Values">The values, as written.</param>
public sealed record SweepAxis(string Path, IReadOnlyList<string> Values);

/// <summary>
/// `ecosim sweep SCENARIO --set PATH=V1,V2,...`: the grid of parameter values, one complete run
/// directory per point under DIR/points/, and DIR/sweep.csv with every point's metrics keyed by the
/// values. Points are written atomically, so a sweep that was interrupted is continued by running the
/// same command again: finished points are kept, only the missing ones run.
/// </summary>
public static class SweepHandler
{
    public const string GridFile = "sweep.json";
    public const string TableFile = "sweep.csv";
    public const string PointsDirectory = "points";

    /// <summary>Called after each point is written (tests use it to interrupt a sweep part way).</summary>
    internal static Action<int>? PointWritten { get; set; }

    public static async Task<int> ExecuteAsync(RunRequest request, IReadOnlyList<string> sets, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Scenario scenario;
        LoadedScenario loaded;
        List<(string Label, string[] Values, Scenario Scenario)> points;
        IReadOnlyList<SweepAxis> axes;
        string outPath;
        try
        {
            loaded = ScenarioLoader.Load(request.Scenario);
            scenario = ScenarioOverrides.Apply(loaded.Scenario, request);
            var problems = ScenarioLoader.Check(scenario, loaded.Source).ToList();
            if (problems.Count > 0) throw new ScenarioException(problems);
            if (sets.Count == 0) throw new UsageException("--set: give at least one PATH=V1,V2,...");
            axes = sets.Select(ParseAxis).ToArray();
            var duplicate = axes.GroupBy(a => a.Path).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new UsageException($"--set: {duplicate.Key} is given twice");
            var changes = axes.Select(a => a.Values.Select(v => Change(scenario, a.Path, v)).ToArray()).ToArray();
            points = [];
            foreach (int[] index in Grid(axes.Select(a => a.Values.Count).ToArray()))
            {
                var intervention = new Intervention { Year = scenario.StartYear, Set = [.. index.SelectMany((v, k) => changes[k][v])] };
                string[] values = index.Select((v, k) => axes[k].Values[v]).ToArray();
                string label = string.Join(", ", axes.Select((a, k) => $"{a.Path}={values[k]}"));
                var point = scenario with { Name = $"{scenario.Name} [{label}]", Model = ScenarioTimeline.Apply(scenario.Model, intervention) };
                problems.AddRange(ScenarioLoader.Check(point, $"--set {label}"));
                points.Add((label, values, point));
            }
            if (problems.Count > 0) throw new ScenarioException(problems);
            outPath = request.Out ?? Path.Combine("runs", $"sweep-{RunHandler.Slug(scenario.Name)}");
        }
        catch (Exception e) when (e is ScenarioException or UsageException)
        {
            return await CommandOutcome.BadInputAsync(e, stderr);
        }

        // The grid identifies the sweep: the same command continues it; a different one needs another directory or --force.
        string grid = Grid(loaded, scenario, axes);
        string gridPath = Path.Combine(outPath, GridFile);
        if (File.Exists(gridPath) && File.ReadAllText(gridPath) != grid)
        {
            if (!request.Force)
            {
                await stderr.WriteLineAsync($"ecosim: --out: {outPath} holds a different sweep; choose another directory or pass --force to start again");
                return ExitCodes.BadInput;
            }
            Directory.Delete(outPath, recursive: true);
        }
        else if (!File.Exists(gridPath) && Directory.Exists(outPath) && Directory.EnumerateFileSystemEntries(outPath).Any())
        {
            if (!request.Force)
            {
                await stderr.WriteLineAsync($"ecosim: --out: {outPath} already exists and is not a sweep; choose another directory or pass --force to replace it");
                return ExitCodes.BadInput;
            }
            Directory.Delete(outPath, recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(outPath, PointsDirectory));
        File.WriteAllText(gridPath, grid);

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        string[] names = points.Select((_, i) => (i + 1).ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var missing = Enumerable.Range(0, points.Count).Where(i => !Directory.Exists(Path.Combine(outPath, PointsDirectory, names[i]))).ToArray();
        var progress = RunHandler.Progress(request, stderr, (long)scenario.Households * scenario.Years * scenario.Replications * missing.Length);
        var log = RunLogging.Create(request.LogLevel, Path.Combine(outPath, RunLogging.FileName), progress.DrawsBar ? LogEventLevel.Warning : null);
        try
        {
            log.Information("Sweep of {Scenario}: {Points} points, {Done} already done, {Missing} to run", scenario.Name, points.Count,
                points.Count - missing.Length, missing.Length);
            if (missing.Length > 0)
            {
                await using var host = await EngineHost.StartAsync(request.Engine, log, cancellationToken);
                int parallelism = request.Parallel ?? Replications.DefaultParallelism(scenario.Replications);
                foreach (int i in missing)
                {
                    var (label, _, point) = points[i];
                    log.Information("Point {Point}: {Label}", names[i], label);
                    var pointClock = Stopwatch.StartNew();
                    using var directory = RunDirectory.Create(Path.Combine(outPath, PointsDirectory, names[i]), replace: false);
                    var results = await Replications.RunAsync(host, point, parallelism, log, progress, cancellationToken);
                    var run = new ScenarioRun(point, loaded.Source, loaded.Sha256, results, host.Engine, host.Silos, request.CommandLine, started, pointClock.Elapsed);
                    RunOutputs.WriteRun(directory.WorkPath, run, []);
                    directory.Commit();
                    PointWritten?.Invoke(i);
                }
            }
            progress.Finish();
            WriteTable(outPath, axes, points.Select(p => p.Values).ToArray(), names);
            var manifest = new ComparisonManifest
            {
                Kind = "sweep",
                Scenarios = points.Select((p, i) => new ManifestEntry(p.Scenario.Name, loaded.Source, loaded.Sha256, $"{PointsDirectory}/{names[i]}")).ToArray(),
                Seeds = Replications.Seeds(scenario),
                Replications = scenario.Replications,
                Households = scenario.Households,
                StartYear = scenario.StartYear,
                EndYear = scenario.EndYear,
                Engine = request.Engine == EngineKind.InProcess ? "inprocess" : "orleans",
                Silos = request.Engine == EngineKind.InProcess ? 0 : 1,
                ProgramVersion = ProgramInfo.Version,
                ProgramCommit = ProgramInfo.Commit,
                CommandLine = request.CommandLine,
                StartedUtc = started,
                FinishedUtc = DateTimeOffset.UtcNow,
                WallSeconds = clock.Elapsed.TotalSeconds,
                Files = [GridFile, TableFile, RunLogging.FileName, RunOutputs.ManifestFile, .. names.Select(n => $"{PointsDirectory}/{n}/")],
            };
            WriteAtomically(Path.Combine(outPath, RunOutputs.ManifestFile), manifest.ToJson());
            log.Information("Sweep finished in {Seconds:F1}s", clock.Elapsed.TotalSeconds);
            await log.DisposeAsync();
            await stdout.WriteLineAsync(Path.GetFullPath(outPath));
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await CommandOutcome.InterruptedAsync(log, progress, stderr, $"finished points are kept in {outPath}: run the same command to continue");
        }
        catch (Exception e)
        {
            return await CommandOutcome.FailedAsync(log, progress, stderr, e, "sweep");
        }
    }

    /// <summary>PATH=V1,V2,... (commas inside {...} or [...] belong to a value).</summary>
    public static SweepAxis ParseAxis(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1) throw new UsageException($"--set: '{text}' is not PATH=V1,V2,...");
        string path = text[..eq].Trim();
        var values = new List<string>();
        int depth = 0, start = eq + 1;
        for (int i = eq + 1; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ',';
            if (c is '{' or '[') depth++;
            else if (c is '}' or ']') depth--;
            else if (c == ',' && depth == 0)
            {
                string value = text[start..i].Trim();
                if (value.Length == 0) throw new UsageException($"--set {path}: an empty value in '{text[(eq + 1)..]}'");
                values.Add(value);
                start = i + 1;
            }
        }
        if (values.Distinct().Count() != values.Count) throw new UsageException($"--set {path}: a value is given twice");
        return new SweepAxis(path, values);
    }

    /// <summary>A value for a path, checked as an intervention's set is: the path, the type and the range.</summary>
    private static ParameterChange[] Change(Scenario scenario, string path, string value)
    {
        string yaml = string.Create(CultureInfo.InvariantCulture,
            $"start_year: {scenario.StartYear}\nyears: 1\nhouseholds: {scenario.Households}\ninterventions:\n  - year: {scenario.StartYear}\n    set:\n      {path}: {value}\n");
        try
        {
            return ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), "--set").Scenario.Interventions[0].Set;
        }
        catch (ScenarioException e)
        {
            throw new UsageException($"--set {path}={value}: {e.Problems[0].Message}");
        }
    }

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

    private static string Grid(LoadedScenario loaded, Scenario scenario, IReadOnlyList<SweepAxis> axes)
    {
        var grid = new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["scenario_source"] = loaded.Source,
            ["scenario_sha256"] = loaded.Sha256,
            ["resolved"] = ScenarioWriter.ToJson(scenario),
            ["sets"] = new JsonArray(axes.Select(a => (JsonNode)new JsonObject
            {
                ["path"] = a.Path,
                ["values"] = new JsonArray(a.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            }).ToArray()),
        };
        return grid.ToJsonString(new JsonSerializerOptions(JsonSerializerOptions.Default) { WriteIndented = true }) + "\n";
    }

    /// <summary>sweep.csv: `point,PATH1,...,replication,year,region,metric,value` from every point's metrics.csv.</summary>
    private static void WriteTable(string outPath, IReadOnlyList<SweepAxis> axes, IReadOnlyList<string[]> values, IReadOnlyList<string> names)
    {
        var sb = new StringBuilder();
        sb.Append("point,").Append(string.Join(',', axes.Select(a => Csv(a.Path)))).Append(",replication,year,region,metric,value\n");
        for (int i = 0; i < names.Count; i++)
        {
            string prefix = names[i] + "," + string.Join(',', values[i].Select(Csv)) + ",";
            foreach (string line in File.ReadLines(Path.Combine(outPath, PointsDirectory, names[i], RunOutputs.MetricsFile)).Skip(1))
            {
                sb.Append(prefix).Append(line).Append('\n');
            }
        }
        WriteAtomically(Path.Combine(outPath, TableFile), sb.ToString());
    }

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static void WriteAtomically(string path, string text)
    {
        string temp = path + ".partial";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
