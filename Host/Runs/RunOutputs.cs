using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model;
using EcosystemSim.Reports.Html;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Reports.Plots;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>A scenario's finished run as the run directory records it: the experiment's result, where the scenario came from, and the command.</summary>
public sealed record ScenarioRun(ScenarioResult Result, string Source, string Sha256, string CommandLine, DateTimeOffset Started)
{
    public Scenario Scenario => Result.Scenario;

    public RunResult[] Results => Result.Replications;

    public string Engine => Result.Engine;

    public int Silos => Result.Silos;

    public TimeSpan Wall => Result.Wall;

    /// <summary>A sensitivity analysis the report cites (`--sensitivity DIR`), or null.</summary>
    public Reports.Html.SensitivitySummary? Sensitivity { get; init; }
}

/// <summary>Writes a run's files into its (not yet committed) run directory.</summary>
public static class RunOutputs
{
    public const string MetricsFile = "metrics.csv";
    public const string LorenzFile = "lorenz.csv";
    public const string ManifestFile = OutputSafety.ManifestFile;
    public const string PlotsDirectory = "plots";

    public const string SummaryFile = "summary.csv";

    /// <summary>
    /// Writes a scenario's run into <paramref name="root"/>: metrics.csv and lorenz.csv (every
    /// replication), summary.csv, the plots and report.html (replication 0), and manifest.json.
    /// Returns the files written, relative to <paramref name="root"/>, with <paramref name="extraFiles"/>.
    /// </summary>
    public static List<string> WriteRun(string root, ScenarioRun run, IEnumerable<string> extraFiles)
    {
        Directory.CreateDirectory(root);
        var tables = run.Results.Select(r => r.Metrics).ToArray();
        // Streamed to the files, not built as whole strings first: the same bytes, a fraction of the memory traffic.
        Csv.WriteFile(Path.Combine(root, MetricsFile), MetricsTable.Concat(tables).WriteCsv);
        Csv.WriteFile(Path.Combine(root, SummaryFile), SummaryTable.Of(tables).WriteCsv);
        Csv.WriteFile(Path.Combine(root, LorenzFile), LorenzTable.Concat(run.Results.Select(r => r.Lorenz)).WriteCsv);
        var files = new List<string> { MetricsFile, SummaryFile, LorenzFile };
        var data = new PlotData(run.Results[0].Metrics, run.Results[0].Lorenz)
        {
            PricesYear = run.Scenario.PricesYear,
            Weight = run.Results[0].Weight,
            ProductInsurers = run.Scenario.Model.Market.Products.ToDictionary(p => p.Id, p => p.Insurer),
            PensionProducts = run.Scenario.Model.Market.Products.Where(p => p.Kind != Model.Parameters.ProductKind.MedicalTopUp).Select(p => p.Id).ToHashSet(),
        };
        var svg = WritePlots(Path.Combine(root, PlotsDirectory), [.. LessonPlots.Of(run.Scenario.Lesson), .. RunPlots.All], data);
        files.AddRange(svg.Keys.SelectMany(name => new[] { $"{PlotsDirectory}/{name}.png", $"{PlotsDirectory}/{name}.svg" }));
        var context = Context(run.Scenario, run.Source, run.Results[0].Population.Households, run.Engine, run.Results.Length) with
        {
            Sensitivity = run.Sensitivity,
            Directory = root, // the work directory is a sibling of the final one: links relative to it hold after the commit
        };
        File.WriteAllText(Path.Combine(root, RunReport.FileName), RunReport.Html(context, data, svg));
        files.Add(RunReport.FileName);
        files.AddRange(extraFiles);
        files.Add(ManifestFile);
        File.WriteAllText(Path.Combine(root, ManifestFile), Manifest(run, files).ToJson());
        return files;
    }

    /// <summary>
    /// Draws and renders the plots at once (one task each: rendering is most of a small run's
    /// output time), then writes them in order; returns each plot's SVG text by name, in order, for the report.
    /// </summary>
    private static Dictionary<string, string> WritePlots(string directory, IReadOnlyList<PlotDefinition> plots, PlotData data)
    {
        var rendered = PlotFiles.RenderAll(plots.Select(p => (Func<OxyPlot.PlotModel>)(() => p.Draw(data))).ToArray());
        var svg = new Dictionary<string, string>();
        for (int i = 0; i < plots.Count; i++)
        {
            PlotFiles.Write(rendered[i], directory, plots[i].Name);
            svg[plots[i].Name] = rendered[i].SvgText();
        }
        return svg;
    }

    /// <summary>The manifest of a scenario's run: enough to repeat it (`ecosim run manifest.json`).</summary>
    public static Manifest Manifest(ScenarioRun run, IReadOnlyList<string> files)
    {
        var scenario = run.Scenario;
        var first = run.Results[0];
        double householdYears = (double)first.Population.Households * scenario.Years * run.Results.Length;
        return new Manifest
        {
            Kind = "run",
            Scenario = scenario.Name,
            ScenarioSource = run.Source,
            ScenarioSha256 = run.Sha256,
            Description = scenario.Description,
            Question = scenario.Question,
            Parameters = ScenarioWriter.ToJson(scenario),
            Seed = scenario.Seed,
            Seeds = Experiment.Seeds(scenario),
            Households = first.Population.Households,
            Persons = first.Population.Persons,
            Weight = first.Weight,
            StartYear = scenario.StartYear,
            EndYear = scenario.EndYear,
            Years = scenario.Years,
            Replications = run.Results.Length,
            Engine = run.Engine,
            Silos = run.Silos,
            ProgramVersion = ProgramInfo.Version,
            ProgramCommit = ProgramInfo.Commit,
            CommandLine = run.CommandLine,
            StartedUtc = run.Started,
            FinishedUtc = DateTimeOffset.UtcNow,
            WallSeconds = run.Wall.TotalSeconds,
            HouseholdYearsPerSecond = householdYears / Math.Max(1e-9, run.Wall.TotalSeconds),
            Files = files,
            Prices = RunPlan.Prices(scenario),
        };
    }

    /// <summary>The manifest of a comparison or a sweep: its scenarios, the shared run settings and seeds, the command.</summary>
    public static ComparisonManifest GroupManifest(string kind, IReadOnlyList<ManifestEntry> scenarios, Scenario settings, int households,
        string engine, int silos, CommandSession session, IReadOnlyList<string> files) => new()
    {
        Kind = kind,
        Scenarios = scenarios,
        Seeds = Experiment.Seeds(settings),
        Replications = settings.Replications,
        Households = households,
        StartYear = settings.StartYear,
        EndYear = settings.EndYear,
        Engine = engine,
        Silos = silos,
        ProgramVersion = ProgramInfo.Version,
        ProgramCommit = ProgramInfo.Commit,
        CommandLine = session.Request.CommandLine,
        StartedUtc = session.Started,
        FinishedUtc = DateTimeOffset.UtcNow,
        WallSeconds = session.Clock.Elapsed.TotalSeconds,
        Files = files,
        Prices = RunPlan.Prices(settings),
    };

    /// <summary>What the report says about a scenario: its text, its timeline and the parameters it changes.</summary>
    public static ReportContext Context(Scenario scenario, string source, int households, string engine, int replications = 1)
    {
        var resolved = ScenarioWriter.ToJson(scenario);
        var defaults = ScenarioWriter.ToJson(new Scenario());
        var changed = new List<ReportParameter>();
        foreach (var (key, value) in resolved)
        {
            if (key is "name" or "description" or "question" or "lesson" or "base" or "seed" or "start_year" or "years" or "households" or "prices_year" or "breakdowns" or "interventions") continue;
            Differences(key, value, defaults[key], changed);
        }
        return new ReportContext
        {
            Name = scenario.Name,
            Description = scenario.Description,
            Question = scenario.Question,
            Lesson = scenario.Lesson,
            Source = source,
            Seed = scenario.Seed,
            Households = households,
            StartYear = scenario.StartYear,
            EndYear = scenario.EndYear,
            Replications = replications,
            Engine = engine,
            PricesYear = scenario.PricesYear,
            ProgramVersion = ProgramInfo.Version,
            Interventions = scenario.Interventions.Select(i => new ReportIntervention(i.Year, i.Years, i.Note, Describe(i))).ToArray(),
            ChangedParameters = changed,
            ParametersJson = resolved.ToJsonString(new JsonSerializerOptions(JsonSerializerOptions.Default) { WriteIndented = true }),
        };
    }

    private static string Describe(Intervention i)
    {
        var parts = i.Set.Select(c => $"{c.Path} = {Compact(ScenarioWriter.ToJson(new Intervention { Set = [c] })["set"]![c.Path])}").ToList();
        if (i.Launch.Length > 0) parts.Add("launch " + string.Join(", ", i.Launch));
        if (i.Withdraw.Length > 0) parts.Add("withdraw " + string.Join(", ", i.Withdraw));
        return string.Join("; ", parts);
    }

    private static void Differences(string path, JsonNode? value, JsonNode? baseline, List<ReportParameter> changed)
    {
        if (value is JsonObject group && baseline is JsonObject defaults && IsSection(group))
        {
            foreach (var (key, child) in group) Differences($"{path}.{key}", child, defaults[key], changed);
            return;
        }
        string a = Compact(value), b = Compact(baseline);
        if (a != b) changed.Add(new ReportParameter(path, a, b));
    }

    /// <summary>A group of fields (not a value by region or a schedule): it holds a mapping or list somewhere, or non-region, non-year keys.</summary>
    private static bool IsSection(JsonNode node) =>
        node is JsonObject o && o.Any(kv => kv.Value is JsonObject or JsonArray || !(Regions.IsName(kv.Key) || int.TryParse(kv.Key, out _)));

    private static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";
}
