using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// `ecosim sweep SCENARIO --set PATH=V1,V2,...`: the grid of parameter values, one complete run
/// directory per point under DIR/points/, and DIR/sweep.csv with every point's metrics keyed by the
/// values. Points are written atomically, so a sweep that was interrupted is continued by running the
/// same command again: finished points are kept, only the missing ones run.
/// </summary>
public static class SweepHandler
{
    public const string GridFile = OutputSafety.SweepFile;
    public const string TableFile = "sweep.csv";

    /// <summary>Every point's summary.csv (mean, sd and 95% interval across replications) keyed by the point's values.</summary>
    public const string SummaryFile = "sweep_summary.csv";
    public const string PointsDirectory = "points";

    /// <summary>
    /// Called after each point is written (tests use it to interrupt or fail a sweep part way). Held per
    /// async flow, so a test's hook reaches only the sweep that test runs, never one running beside it.
    /// </summary>
    internal static Action<int>? PointWritten
    {
        get => PointHook.Value;
        set => PointHook.Value = value;
    }

    private static readonly AsyncLocal<Action<int>?> PointHook = new();

    private sealed record Input(Scenario Scenario, LoadedScenario Loaded, IReadOnlyList<SweepAxis> Axes, IReadOnlyList<SweepPoint> Points, string OutPath);

    public static async Task<int> ExecuteAsync(RunRequest request, IReadOnlyList<string> sets, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        string? plot = null)
    {
        var (input, exit) = await CommandSession.CheckAsync(() =>
        {
            var (scenario, loaded) = CommandSession.LoadChecked(request.Scenario, request);
            if (sets.Count == 0) throw new UsageException("--set: give at least one PATH=V1,V2,...");
            var axes = sets.Select(ParseAxis).ToArray();
            if (plot is not null) CheckPlot(plot, axes[0]);
            string outPath = request.Out ?? Path.Combine("runs", $"sweep-{CommandSession.Slug(scenario.Name)}");
            if (OutputSafety.WhyNotWritable(outPath) is { } unwritable) throw new UsageException($"--out: {unwritable}");
            return new Input(scenario, loaded, axes, SweepGrid.Points(scenario, axes), outPath);
        }, stderr);
        if (input is null) return exit;
        // Before Prepare, which may replace an old sweep under --force.
        if (await CommandSession.RefuseTooBigAsync(request, input.Scenario, "sweep", stderr) is { } tooBig) return tooBig;
        if (await Prepare(input, request.Force, stderr) is { } refused) return refused;

        var (scenario, points, outPath) = (input.Scenario, input.Points, input.OutPath);
        string[] names = points.Select((_, i) => (i + 1).ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var missing = Enumerable.Range(0, points.Count).Where(i => !Directory.Exists(Path.Combine(outPath, PointsDirectory, names[i]))).ToArray();
        return await CommandSession.ExecuteAsync(request, scenario, (long)scenario.Households * scenario.Years * scenario.Replications * missing.Length,
            Path.Combine(outPath, RunLogging.FileName), "sweep", $"finished points are kept in {outPath}: run the same command to continue",
            stdout, stderr, async (session, experiment) =>
            {
                session.Log.Information("Sweep of {Scenario}: {Points} points, {Done} already done, {Missing} to run", scenario.Name, points.Count,
                    points.Count - missing.Length, missing.Length);
                // A point's files are written while the next point runs (most of a small run is its outputs).
                await Pipeline.RunAsync(missing.Length, (k, token) =>
                {
                    int i = missing[k];
                    session.Log.Information("Point {Point}: {Label}", names[i], points[i].Label);
                    return experiment.RunAsync(points[i].Scenario, session.Parallelism(scenario), session.Observer(), token);
                }, (k, result) =>
                {
                    int i = missing[k];
                    using var directory = RunDirectory.Create(Path.Combine(outPath, PointsDirectory, names[i]), replace: false);
                    RunOutputs.WriteRun(directory.WorkPath, new ScenarioRun(result, input.Loaded.Source, input.Loaded.Sha256, request.CommandLine, session.Started), []);
                    directory.Commit();
                    PointWritten?.Invoke(i);
                }, cancellationToken);
                var values = points.Select(p => p.Values).ToArray();
                // The two tables at once (each reads every point's file back: the sweep's last step, on one core each); a failure is the first table's, then the second's.
                await Task.WhenAll(
                    Task.Run(() => WriteTable(outPath, TableFile, RunOutputs.MetricsFile, EcosystemSim.Reports.Metrics.MetricsTable.Columns, input.Axes, values, names), CancellationToken.None),
                    Task.Run(() => WriteTable(outPath, SummaryFile, RunOutputs.SummaryFile, EcosystemSim.Reports.Metrics.SummaryTable.Header.Split(','), input.Axes, values, names), CancellationToken.None));
                string[] plotted = plot is null ? [] : WritePlot(outPath, plot, scenario.EndYear, input.Axes, values, names);
                var entries = points.Select((p, i) => new ManifestEntry(p.Scenario.Name, input.Loaded.Source, input.Loaded.Sha256, $"{PointsDirectory}/{names[i]}")).ToArray();
                var manifest = RunOutputs.GroupManifest("sweep", entries, scenario, scenario.Households, experiment.Engine.Engine, experiment.Engine.Silos, session,
                    [GridFile, TableFile, SummaryFile, .. plotted, RunLogging.FileName, RunOutputs.ManifestFile, .. names.Select(n => $"{PointsDirectory}/{n}/")]);
                WriteAtomically(Path.Combine(outPath, RunOutputs.ManifestFile), manifest.ToJson());
                return () => Path.GetFullPath(outPath);
            }, cancellationToken);
    }

    /// <summary>
    /// The grid identifies the sweep: the same command continues it in its directory; a different
    /// one, or a directory that is not a sweep, needs another directory or --force. Null when ready.
    /// </summary>
    private static async Task<int?> Prepare(Input input, bool force, TextWriter stderr)
    {
        string outPath = input.OutPath;
        string grid = Grid(input.Loaded, input.Scenario, input.Axes);
        string gridPath = Path.Combine(outPath, GridFile);
        string? conflict = File.Exists(gridPath)
            ? File.ReadAllText(gridPath) != grid ? "holds a different sweep; choose another directory or pass --force to start again" : null
            : Directory.Exists(outPath) && Directory.EnumerateFileSystemEntries(outPath).Any() ? "already exists and is not a sweep; choose another directory or pass --force to replace it" : null;
        if (conflict is not null)
        {
            string? refused = force ? OutputSafety.WhyNotReplaceable(outPath) : $"{outPath} {conflict}";
            if (refused is not null)
            {
                await stderr.WriteLineAsync($"ecosim: --out: {refused}");
                return ExitCodes.BadInput;
            }
            Directory.Delete(outPath, recursive: true);
        }
        else if (File.Exists(outPath))
        {
            await stderr.WriteLineAsync($"ecosim: --out: {outPath} is a file, not an output directory");
            return ExitCodes.BadInput;
        }
        Directory.CreateDirectory(Path.Combine(outPath, PointsDirectory));
        File.WriteAllText(gridPath, grid);
        return null;
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

    private static string Grid(LoadedScenario loaded, Scenario scenario, IReadOnlyList<SweepAxis> axes)
    {
        var grid = new JsonObject
        {
            ["scenario"] = scenario.Name,
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

    /// <summary>
    /// sweep.csv (`point,PATH1,...,replication,year,region,metric,value` from every point's metrics.csv)
    /// or sweep_summary.csv (`point,PATH1,...,year,region,metric,mean,sd,ci_low,ci_high,n` from every
    /// point's summary.csv): each point's file read back row by row and written as it is read (through
    /// the one CSV writer, so axis paths and values with commas are quoted) to FILE.partial, which is
    /// then renamed into place.
    /// </summary>
    private static void WriteTable(string outPath, string file, string pointFile, IReadOnlyList<string> columns,
        IReadOnlyList<SweepAxis> axes, IReadOnlyList<IReadOnlyList<string>> values, IReadOnlyList<string> names)
    {
        string[] header = ["point", .. axes.Select(a => a.Path), .. columns];
        string path = Path.Combine(outPath, file);
        string temp = path + ".partial";
        using (var csv = Csv.ToFile(temp, header))
        {
            for (int i = 0; i < names.Count; i++)
            {
                string[] key = [names[i], .. values[i]];
                string pointPath = Path.Combine(outPath, PointsDirectory, names[i], pointFile);
                using var reader = Csv.ReadFile(pointPath);
                if (!reader.Header.ColNames.SequenceEqual(columns, StringComparer.Ordinal))
                {
                    throw new InvalidDataException($"{pointPath}: the header is '{string.Join(',', reader.Header.ColNames)}', not '{string.Join(',', columns)}'");
                }
                foreach (var row in reader) csv.WriteRow(key, row);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>--plot METRIC: a metric of the registry, against a first axis whose values are numbers.</summary>
    private static void CheckPlot(string metric, SweepAxis first)
    {
        if (EcosystemSim.Reports.Metrics.MetricRegistry.All.FirstOrDefault(m => m.Name == metric) is not { } definition)
        {
            throw new UsageException($"--plot: '{metric}' is not a metric (docs/metrics.md lists them)");
        }
        if ((definition.Scope & EcosystemSim.Reports.Metrics.MetricScope.National) == 0)
        {
            throw new UsageException($"--plot: '{metric}' has no national value (it is reported per insurer or product); the plot shows national values");
        }
        if (first.Values.FirstOrDefault(v => !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) is { } text)
        {
            throw new UsageException($"--plot: the first --set ({first.Path}) is plotted along the horizontal axis, and '{text}' is not a number");
        }
    }

    /// <summary>plots/sweep_METRIC.png and .svg: the metric's national mean and band in the last year against the first axis, a line per combination of the others.</summary>
    private static string[] WritePlot(string outPath, string metric, int year, IReadOnlyList<SweepAxis> axes, IReadOnlyList<IReadOnlyList<string>> values, IReadOnlyList<string> names)
    {
        var points = new List<EcosystemSim.Reports.Plots.SweepPlotPoint>();
        string yearText = year.ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < names.Count; i++)
        {
            string series = string.Join(", ", axes.Skip(1).Select((a, k) => $"{a.Path}={values[i][k + 1]}"));
            using var reader = Csv.ReadFile(Path.Combine(outPath, PointsDirectory, names[i], RunOutputs.SummaryFile));
            foreach (var row in reader)
            {
                if (row["year"].ToString() != yearText || row["region"].ToString() != "national" || row["metric"].ToString() != metric) continue;
                string[] columns = ["mean", "sd", "ci_low", "ci_high"];
                var v = new double[columns.Length];
                for (int c = 0; c < columns.Length; c++) v[c] = double.Parse(row[columns[c]].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                points.Add(new(series, double.Parse(values[i][0], NumberStyles.Float, CultureInfo.InvariantCulture),
                    new EcosystemSim.Reports.Metrics.Interval(v[0], v[1], v[2], v[3], int.Parse(row["n"].ToString(), CultureInfo.InvariantCulture))));
            }
        }
        string name = $"sweep_{metric}";
        EcosystemSim.Reports.Plots.PlotFiles.Write(EcosystemSim.Reports.Plots.SweepPlots.Against(metric, axes[0].Path, year, points), Path.Combine(outPath, "plots"), name);
        return [$"plots/{name}.png", $"plots/{name}.svg"];
    }

    private static void WriteAtomically(string path, string text)
    {
        string temp = path + ".partial";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
