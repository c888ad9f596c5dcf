using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Html;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Reports.Plots;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// `ecosim compare BASELINE SCENARIO...`: every scenario runs with the baseline's run settings and
/// replication seeds (common random numbers), and the reforms are compared with the baseline
/// replication by replication.
/// </summary>
public static class CompareHandler
{
    /// <summary>What `compare` was asked to put first in its report: --metrics and --scopes, as given (null: the default).</summary>
    public sealed record ReportOptions(string? Metrics, string? Scopes);

    public const string ComparisonFile = "comparison.csv";

    /// <remarks>`--from DIR` (<paramref name="from"/>): every scenario starts from that checkpoint (each must share its years up to it).</remarks>
    public static async Task<int> ExecuteAsync(RunRequest request, IReadOnlyList<string> reforms, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        string? from = null, ReportOptions? report = null)
    {
        ReportFocus focus = ReportFocus.Default;
        HouseholdDumps? dumps = null;
        Reports.Html.SensitivitySummary? sensitivity = null;
        var (checkedInput, exit) = await CommandSession.CheckAsync(() =>
        {
            var scenarios = Check(request, reforms);
            focus = ReportFocus.Parse(report?.Metrics, report?.Scopes, scenarios[0].Scenario);
            dumps = HouseholdDumps.Parse(request, scenarios[0].Scenario);
            sensitivity = request.LoadSensitivity([.. scenarios.Select(s => s.Scenario.Name)]);
            if (dumps is not null && from is not null)
            {
                throw new UsageException("--dump-households cannot be combined with --from: the years up to the checkpoint are not simulated again");
            }
            CheckpointPlan? plan = null;
            if (from is not null)
            {
                // Each scenario is checked against the checkpoint: the baseline must be its run, the reforms may change only later years.
                for (int i = 0; i < scenarios.Count; i++)
                {
                    var (aligned, start) = CheckpointRun.Fork(from, scenarios[i].Scenario, i == 0 ? request : request with { Households = null, Seed = null, StartYear = null, Years = null, Replications = null });
                    scenarios[i] = (aligned, scenarios[i].Loaded);
                    plan = new CheckpointPlan { From = start };
                }
            }
            return Tuple.Create(scenarios, CommandSession.OutPath(request, $"compare-{CommandSession.Slug(scenarios[0].Scenario.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}"), plan);
        }, stderr);
        if (checkedInput is null) return exit;

        var (input, outPath, checkpoint) = checkedInput;
        var settings = input[0].Scenario;
        var directories = DirectoryNames(input.Select(s => s.Scenario.Name).ToArray());
        using var directory = RunDirectory.Create(outPath, request.Force);
        return await CommandSession.ExecuteAsync(request, settings, (long)settings.Households * settings.Years * settings.Replications * input.Count,
            directory.File(RunLogging.FileName), "comparison", "no output directory was written", stdout, stderr, async (session, experiment) =>
            {
                session.Log.Information("Comparing {Scenarios} with {Baseline}: {Replications} replication(s) of {Households} households, {Start}-{End}",
                    string.Join(", ", input.Skip(1).Select(s => s.Scenario.Name)), settings.Name, settings.Replications, settings.Households,
                    settings.StartYear, settings.EndYear);
                // Each scenario's dumps go into its own run directory, as `run` would write them.
                var result = await experiment.CompareAsync(settings, input.Skip(1).Select(s => s.Scenario).ToArray(), session.Parallelism(settings),
                    session.Observer(), cancellationToken, checkpoint,
                    i => session.Observer(done => dumps?.Write(done, directory.File(directories[i]), directories[i] + "/")));
                // The analysis is cited by the comparison's report and by the report of the scenario it analysed.
                var runs = result.Runs.Select((r, i) => new ScenarioRun(r, input[i].Loaded.Source, input[i].Loaded.Sha256, request.CommandLine, session.Started)
                {
                    Sensitivity = sensitivity?.Scenario == r.Scenario.Name ? sensitivity : null,
                }).ToArray();
                Write(directory, runs, directories, result.Table, session, focus, dumps, sensitivity);
                return () =>
                {
                    directory.Commit();
                    return directory.FinalPath;
                };
            }, cancellationToken);
    }

    /// <summary>The baseline with the command line's overrides, and each reform aligned to it; every problem of every file.</summary>
    private static List<(Scenario Scenario, LoadedScenario Loaded)> Check(RunRequest request, IReadOnlyList<string> reforms)
    {
        var scenarios = new List<(Scenario Scenario, LoadedScenario Loaded)>();
        var problems = new List<ScenarioProblem>();
        if (Load(request.Scenario, problems) is { } b)
        {
            var scenario = ScenarioOverrides.Apply(b.Scenario, request);
            problems.AddRange(ScenarioLoader.Check(scenario, b.Source));
            scenarios.Add((scenario, b));
        }
        foreach (string reform in reforms)
        {
            if (Load(reform, problems) is not { } r || scenarios.Count == 0) continue;
            var scenario = Comparison.Align(scenarios[0].Scenario, r.Scenario);
            problems.AddRange(ScenarioLoader.Check(scenario, r.Source));
            scenarios.Add((scenario, r));
        }
        if (problems.Count > 0) throw new ScenarioException(problems);
        return scenarios;
    }

    /// <summary>Each scenario's run directory, comparison.csv, the comparison report and the manifest.</summary>
    private static void Write(RunDirectory directory, IReadOnlyList<ScenarioRun> runs, IReadOnlyList<string> directories, ComparisonTable comparison,
        CommandSession session, ReportFocus focus, HouseholdDumps? dumps, Reports.Html.SensitivitySummary? sensitivity)
    {
        var files = new List<string>();
        for (int i = 0; i < runs.Count; i++)
        {
            var dumped = dumps?.Written(directories[i] + "/") ?? [];
            files.AddRange(RunOutputs.WriteRun(directory.File(directories[i]), runs[i], dumped).Select(f => $"{directories[i]}/{f}"));
        }
        File.WriteAllText(directory.File(ComparisonFile), comparison.ToCsv());
        files.Add(ComparisonFile);
        files.AddRange(WriteReport(directory, runs, directories, comparison, focus, sensitivity));
        files.Add(RunLogging.FileName);
        files.Add(RunOutputs.ManifestFile);
        var entries = runs.Select((r, i) => new ManifestEntry(r.Scenario.Name, r.Source, r.Sha256, directories[i])).ToArray();
        var manifest = RunOutputs.GroupManifest("compare", entries, runs[0].Scenario, runs[0].Results[0].Population.Households,
            runs[0].Engine, runs[0].Silos, session, files);
        File.WriteAllText(directory.File(RunOutputs.ManifestFile), manifest.ToJson());
    }

    private static List<string> WriteReport(RunDirectory directory, IReadOnlyList<ScenarioRun> runs, IReadOnlyList<string> directories,
        ComparisonTable comparison, ReportFocus focus, Reports.Html.SensitivitySummary? sensitivity)
    {
        var data = new ComparisonData(runs[0].Scenario.Name,
            runs.Select(r => (r.Scenario.Name, SummaryTable.Of(r.Results.Select(x => x.Metrics).ToArray()))).ToArray(), comparison)
        {
            PricesYear = runs[0].Scenario.PricesYear,
        };
        var svg = new Dictionary<string, string>();
        var files = new List<string>();
        // Rendered at once, one task each, as a run's plots are (RunOutputs); written in order from memory.
        var plots = ComparisonPlots.All(data, focus.Headlines).ToArray();
        var rendered = PlotFiles.RenderAll(plots.Select(p => (Func<OxyPlot.PlotModel>)(() => p.Plot)).ToArray());
        for (int i = 0; i < plots.Length; i++)
        {
            string name = plots[i].Name;
            PlotFiles.Write(rendered[i], directory.File(RunOutputs.PlotsDirectory), name);
            svg[name] = rendered[i].SvgText();
            files.Add($"{RunOutputs.PlotsDirectory}/{name}.png");
            files.Add($"{RunOutputs.PlotsDirectory}/{name}.svg");
        }
        var compared = runs.Select((r, i) => new ComparedScenario(r.Scenario.Name, r.Scenario.Question, r.Scenario.Description, r.Source, directories[i])).ToArray();
        File.WriteAllText(directory.File(RunReport.FileName), ComparisonReport.Html(compared, data, runs[0].Results.Length,
            runs[0].Results[0].Population.Households, runs[0].Engine, ProgramInfo.Version, svg, focus.Headlines,
            sensitivity is null ? null : (sensitivity, directory.WorkPath)));
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
            string slug = CommandSession.Slug(names[i]), name = slug;
            for (int k = 2; !used.Add(name); k++) name = $"{slug}-{k}";
            result[i] = name;
        }
        return result;
    }
}
