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

    [Fact]
    public void Plots_rendered_at_once_are_the_bytes_of_plots_rendered_one_by_one()
    {
        // Several models of each kind, so that the same plot is drawn on several threads at once.
        Func<OxyPlot.PlotModel>[] draws = [.. Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? (Func<OxyPlot.PlotModel>)(() => PensionPlots.Amounts(Sample()))
            : () => PensionPlots.Coverage(Sample()))];
        var alone = draws.Select(d => PlotFiles.Render(d())).ToArray();
        var together = PlotFiles.RenderAll(draws);
        Assert.Equal(draws.Length, together.Length);
        for (int i = 0; i < draws.Length; i++)
        {
            Assert.Equal(alone[i].Png, together[i].Png);
            Assert.Equal(alone[i].Svg, together[i].Svg);
        }
        Assert.NotEqual(alone[0].Png, alone[1].Png);
    }

    [Fact]
    public void A_rendered_plot_is_written_as_it_was_rendered_and_its_svg_text_is_the_file_read_back()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ecosim-plot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var rendered = PlotFiles.Render(PensionPlots.Amounts(Sample()));
            var (png, svg) = PlotFiles.Write(rendered, dir, "amounts");
            Assert.Equal(rendered.Png, File.ReadAllBytes(png));
            Assert.Equal(rendered.Svg, File.ReadAllBytes(svg));
            Assert.Equal(File.ReadAllText(svg), rendered.SvgText());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_plot_that_fails_to_draw_fails_the_rendering_with_its_own_exception()
    {
        Func<OxyPlot.PlotModel>[] draws = [() => PensionPlots.Amounts(Sample()), () => throw new InvalidDataException("no such metric")];
        var e = Assert.Throws<InvalidDataException>(() => PlotFiles.RenderAll(draws));
        Assert.Equal("no such metric", e.Message);
    }
}
