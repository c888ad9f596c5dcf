using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Reports.Html;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Reports.Plots;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>Writes a run's files into its (not yet committed) run directory.</summary>
public static class RunOutputs
{
    public const string MetricsFile = "metrics.csv";
    public const string LorenzFile = "lorenz.csv";
    public const string ManifestFile = "manifest.json";
    public const string PlotsDirectory = "plots";

    /// <summary>Writes metrics.csv, lorenz.csv, the plots and report.html; returns the files written, relative to the directory.</summary>
    public static List<string> WriteResults(RunDirectory directory, MetricsTable metrics, LorenzTable lorenz, ReportContext report)
    {
        File.WriteAllText(directory.File(MetricsFile), metrics.ToCsv());
        File.WriteAllText(directory.File(LorenzFile), lorenz.ToCsv());
        var files = new List<string> { MetricsFile, LorenzFile };
        var data = new PlotData(metrics, lorenz);
        var svg = new Dictionary<string, string>();
        foreach (var plot in RunPlots.All)
        {
            var (_, svgPath) = PlotFiles.Write(plot.Draw(data), directory.File(PlotsDirectory), plot.Name);
            svg[plot.Name] = File.ReadAllText(svgPath);
            files.Add($"{PlotsDirectory}/{plot.Name}.png");
            files.Add($"{PlotsDirectory}/{plot.Name}.svg");
        }
        File.WriteAllText(directory.File(RunReport.FileName), RunReport.Html(report, data, svg));
        files.Add(RunReport.FileName);
        return files;
    }

    public static void WriteManifest(RunDirectory directory, Manifest manifest) =>
        File.WriteAllText(directory.File(ManifestFile), manifest.ToJson());

    /// <summary>What the report says about a scenario: its text, its timeline and the parameters it changes.</summary>
    public static ReportContext Context(Scenario scenario, string source, int households, string engine, int replications = 1)
    {
        var resolved = ScenarioWriter.ToJson(scenario);
        var defaults = ScenarioWriter.ToJson(new Scenario());
        var changed = new List<ReportParameter>();
        foreach (var (key, value) in resolved)
        {
            if (key is "name" or "description" or "question" or "base" or "seed" or "start_year" or "years" or "households" or "interventions") continue;
            Differences(key, value, defaults[key], changed);
        }
        return new ReportContext
        {
            Name = scenario.Name,
            Description = scenario.Description,
            Question = scenario.Question,
            Source = source,
            Seed = scenario.Seed,
            Households = households,
            StartYear = scenario.StartYear,
            EndYear = scenario.EndYear,
            Replications = replications,
            Engine = engine,
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
        node is JsonObject o && o.Any(kv => kv.Value is JsonObject or JsonArray || !(kv.Key is "east" or "central" or "west" or "northeast" || int.TryParse(kv.Key, out _)));

    private static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";
}
