using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Tests.Reports;

public class PlotTests
{
    private static MetricsTable Sample()
    {
        var table = new MetricsTable();
        foreach (int year in Enumerable.Range(2021, 6))
        {
            foreach (string region in MetricRegistry.RegionNames)
            {
                table.AddRange(
                [
                    new MetricRow(0, year, region, "pension_contribution_rate", 0.7),
                    new MetricRow(0, year, region, "pension_recipient_rate", 0.9),
                    new MetricRow(0, year, region, "avg_monthly_pension_yuan", 190 + year - 2021),
                    new MetricRow(0, year, region, "min_basic_pension_yuan", 93),
                ]);
            }
        }
        return table;
    }

    [Fact]
    public void Pension_plots_have_a_line_per_region_and_measure()
    {
        var coverage = PensionPlots.Coverage(Sample());
        Assert.Equal(2 * MetricRegistry.RegionNames.Count, coverage.Series.Count);
        var amounts = PensionPlots.Amounts(Sample());
        Assert.Equal(MetricRegistry.RegionNames.Count + 1, amounts.Series.Count);
        Assert.All(amounts.Series.Cast<OxyPlot.Series.LineSeries>(), s => Assert.Equal(6, s.Points.Count));
        Assert.Contains("Yuan", amounts.Axes[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_export_as_png_and_svg()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ecosim-plot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (png, svg) = PlotFiles.Write(PensionPlots.Amounts(Sample()), dir, "amounts");
            byte[] bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000, $"PNG of {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            string text = File.ReadAllText(svg);
            Assert.Contains("<svg", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
