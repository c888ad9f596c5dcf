using System.Diagnostics;
using EcosystemSim.Host.Cli;
using EcosystemSim.Host.Engines;
using EcosystemSim.Reports.Html;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Reports.Plots;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// `ecosim compare BASELINE SCENARIO...`: every scenario runs with the baseline's run settings and
/// replication seeds (common random numbers), and the reforms are compared with the baseline
/// replication by replication.
/// </summary>
public static class CompareHandler
{
    public const string ComparisonFile = "comparison.csv";

    public static async Task<int> ExecuteAsync(RunRequest request, IReadOnlyList<string> reforms, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var scenarios = new List<(Scenario Scenario, LoadedScenario Loaded)>();
        string outPath;
        try
        {
            var problems = new List<ScenarioProblem>();
            var baseline = Load(request.Scenario, problems);
            if (baseline is { } b)
            {
                var scenario = ScenarioOverrides.Apply(b.Scenario, request);
                problems.AddRange(ScenarioLoader.Check(scenario, b.Source));
                scenarios.Add((scenario, b));
            }
            foreach (string reform in reforms)
            {
                if (Load(reform, problems) is not { } r || scenarios.Count == 0) continue;
                var first = scenarios[0].Scenario;
                // The baseline's run settings and seeds: replication r of every scenario is the same draw of the world.
                var scenario = r.Scenario with
                {
                    Seed = first.Seed, Replications = first.Replications, Households = first.Households,
                    StartYear = first.StartYear, Years = first.Years,
                };
                problems.AddRange(ScenarioLoader.Check(scenario, r.Source));
                scenarios.Add((scenario, r));
            }
            if (problems.Count > 0) throw new ScenarioException(problems);
            outPath = request.Out ?? Path.Combine("runs", $"compare-{RunHandler.Slug(scenarios[0].Scenario.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
            if (!request.Force && (Directory.Exists(outPath) || File.Exists(outPath)))
            {
                throw new UsageException($"--out: {outPath} already exists; choose another directory or pass --force to replace it");
            }
        }
        catch (Exception e) when (e is ScenarioException or UsageException)
        {
            return await CommandOutcome.BadInputAsync(e, stderr);
        }

        var settings = scenarios[0].Scenario;
        var directories = DirectoryNames(scenarios.Select(s => s.Scenario.Name).ToArray());
        using var directory = RunDirectory.Create(outPath, request.Force);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var progress = RunHandler.Progress(request, stderr, (long)settings.Households * settings.Years * settings.Replications * scenarios.Count);
        var log = RunLogging.Create(request.LogLevel, directory.File(RunLogging.FileName), progress.DrawsBar ? LogEventLevel.Warning : null);
        try
        {
            log.Information("Comparing {Scenarios} with {Baseline}: {Replications} replication(s) of {Households} households, {Start}-{End}",
                string.Join(", ", scenarios.Skip(1).Select(s => s.Scenario.Name)), settings.Name, settings.Replications, settings.Households,
                settings.StartYear, settings.EndYear);
            var runs = new List<ScenarioRun>();
            await using (var host = await EngineHost.StartAsync(request.Engine, log, cancellationToken))
            {
                int parallelism = request.Parallel ?? Replications.DefaultParallelism(settings.Replications);
                foreach (var (scenario, loaded) in scenarios)
                {
                    var runClock = Stopwatch.StartNew();
                    var results = await Replications.RunAsync(host, scenario, parallelism, log, progress, cancellationToken);
                    runs.Add(new ScenarioRun(scenario, loaded.Source, loaded.Sha256, results, host.Engine, host.Silos, request.CommandLine, started, runClock.Elapsed));
                }
                progress.Finish();
            }

            var files = new List<string>();
            for (int i = 0; i < runs.Count; i++)
            {
                files.AddRange(RunOutputs.WriteRun(directory.File(directories[i]), runs[i], []).Select(f => $"{directories[i]}/{f}"));
            }
            var baselineTables = runs[0].Results.Select(r => r.Metrics).ToArray();
            var comparison = ComparisonTable.Of(baselineTables,
                runs.Skip(1).Select(r => (r.Scenario.Name, (IReadOnlyList<MetricsTable>)r.Results.Select(x => x.Metrics).ToArray())).ToArray());
            File.WriteAllText(directory.File(ComparisonFile), comparison.ToCsv());
            files.Add(ComparisonFile);
            files.AddRange(WriteReport(directory, runs, directories, comparison, request));
            files.Add(RunLogging.FileName);
            files.Add(RunOutputs.ManifestFile);
            var manifest = new ComparisonManifest
            {
                Kind = "compare",
                Scenarios = runs.Select((r, i) => new ManifestEntry(r.Scenario.Name, r.Source, r.Sha256, directories[i])).ToArray(),
                Seeds = Replications.Seeds(settings),
                Replications = settings.Replications,
                Households = runs[0].Results[0].Population.Households,
                StartYear = settings.StartYear,
                EndYear = settings.EndYear,
                Engine = runs[0].Engine,
                Silos = runs[0].Silos,
                ProgramVersion = ProgramInfo.Version,
                ProgramCommit = ProgramInfo.Commit,
                CommandLine = request.CommandLine,
                StartedUtc = started,
                FinishedUtc = DateTimeOffset.UtcNow,
                WallSeconds = clock.Elapsed.TotalSeconds,
                Files = files,
            };
            File.WriteAllText(directory.File(RunOutputs.ManifestFile), manifest.ToJson());
            log.Information("Finished in {Seconds:F1}s; writing {Directory}", clock.Elapsed.TotalSeconds, directory.FinalPath);
            await log.DisposeAsync();
            directory.Commit();
            await stdout.WriteLineAsync(directory.FinalPath);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await CommandOutcome.InterruptedAsync(log, progress, stderr, "no output directory was written");
        }
        catch (Exception e)
        {
            return await CommandOutcome.FailedAsync(log, progress, stderr, e, "comparison");
        }
    }

    private static List<string> WriteReport(RunDirectory directory, IReadOnlyList<ScenarioRun> runs, IReadOnlyList<string> directories,
        ComparisonTable comparison, RunRequest request)
    {
        var data = new ComparisonData(runs[0].Scenario.Name,
            runs.Select(r => (r.Scenario.Name, SummaryTable.Of(r.Results.Select(x => x.Metrics).ToArray()))).ToArray(), comparison);
        var svg = new Dictionary<string, string>();
        var files = new List<string>();
        foreach (var (metric, label, scale, unit) in ComparisonPlots.Metrics)
        {
            foreach (var (kind, plot) in new[] { ("levels", ComparisonPlots.Levels(data, metric, label, scale, unit)), ("differences", ComparisonPlots.Differences(data, metric, label, scale, unit)) })
            {
                string name = $"{metric}_{kind}";
                var (_, svgPath) = PlotFiles.Write(plot, directory.File(RunOutputs.PlotsDirectory), name);
                svg[name] = File.ReadAllText(svgPath);
                files.Add($"{RunOutputs.PlotsDirectory}/{name}.png");
                files.Add($"{RunOutputs.PlotsDirectory}/{name}.svg");
            }
        }
        var compared = runs.Select((r, i) => new ComparedScenario(r.Scenario.Name, r.Scenario.Question, r.Scenario.Description, r.Source, directories[i])).ToArray();
        File.WriteAllText(directory.File(RunReport.FileName), ComparisonReport.Html(compared, data, runs[0].Results.Length,
            runs[0].Results[0].Population.Households, runs[0].Engine, ProgramInfo.Version, svg));
        files.Add(RunReport.FileName);
        return files;
    }

    private static LoadedScenario? Load(string nameOrPath, List<ScenarioProblem> problems)
    {
        try
        {
            return ScenarioLoader.Load(nameOrPath);
        }
        catch (ScenarioException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
    }

    /// <summary>A directory name per scenario: its name made safe, numbered when two scenarios share one.</summary>
    public static string[] DirectoryNames(IReadOnlyList<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RunOutputs.PlotsDirectory };
        var result = new string[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            string slug = RunHandler.Slug(names[i]), name = slug;
            for (int k = 2; !used.Add(name); k++) name = $"{slug}-{k}";
            result[i] = name;
        }
        return result;
    }
}
