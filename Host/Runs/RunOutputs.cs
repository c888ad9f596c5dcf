using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Host.Runs;

/// <summary>Writes a run's files into its (not yet committed) run directory.</summary>
public static class RunOutputs
{
    public const string MetricsFile = "metrics.csv";
    public const string ManifestFile = "manifest.json";
    public const string PlotsDirectory = "plots";

    /// <summary>Writes metrics.csv and the plots; returns the files written, relative to the directory.</summary>
    public static List<string> WriteResults(RunDirectory directory, MetricsTable metrics)
    {
        File.WriteAllText(directory.File(MetricsFile), metrics.ToCsv());
        var files = new List<string> { MetricsFile };
        var plots = new (string Name, Func<MetricsTable, OxyPlot.PlotModel> Plot)[]
        {
            ("pension_coverage", PensionPlots.Coverage),
            ("pension_amounts", PensionPlots.Amounts),
        };
        foreach (var (name, plot) in plots)
        {
            PlotFiles.Write(plot(metrics), directory.File(PlotsDirectory), name);
            files.Add($"{PlotsDirectory}/{name}.png");
            files.Add($"{PlotsDirectory}/{name}.svg");
        }
        return files;
    }

    public static void WriteManifest(RunDirectory directory, Manifest manifest) =>
        File.WriteAllText(directory.File(ManifestFile), manifest.ToJson());
}
