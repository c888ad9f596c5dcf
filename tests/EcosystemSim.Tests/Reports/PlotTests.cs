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
    public void A_plots_png_has_the_pixels_oxyplots_skia_exporter_draws_and_no_filter_on_its_rows()
    {
        foreach (var model in new Func<OxyPlot.PlotModel>[] { () => PensionPlots.Amounts(Sample()), () => PensionPlots.Coverage(Sample()) })
        {
            byte[] ours = PlotFiles.Render(model()).Png;
            using var exported = new MemoryStream();
            new OxyPlot.SkiaSharp.PngExporter { Width = PlotFiles.Width, Height = PlotFiles.Height }.Export(model(), exported);
            using var mine = SkiaSharp.SKBitmap.Decode(ours);
            using var theirs = SkiaSharp.SKBitmap.Decode(exported.ToArray());
            Assert.Equal((PlotFiles.Width, PlotFiles.Height), (mine.Width, mine.Height));
            Assert.Equal(theirs.ColorType, mine.ColorType);
            Assert.True(theirs.Bytes.AsSpan().SequenceEqual(mine.Bytes), "the PNG's pixels differ from OxyPlot's exporter's");
            Assert.NotEqual(exported.ToArray(), ours);
            Assert.All(RowFilters(ours), f => Assert.Equal(0, f));
        }
    }

    /// <summary>The filter byte of each row of a non-interlaced PNG (its IDAT chunks inflated).</summary>
    private static byte[] RowFilters(byte[] png)
    {
        using var idat = new MemoryStream();
        int width = 0, bytesPerPixel = 4;
        for (int at = 8; at < png.Length;)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR")
            {
                width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                bytesPerPixel = png[at + 8 + 9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"colour type {png[at + 8 + 9]}") };
            }
            if (type == "IDAT") idat.Write(png, at + 8, length);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionMode.Decompress)) zlib.CopyTo(inflated);
        int stride = 1 + width * bytesPerPixel;
        var raw = inflated.ToArray();
        Assert.Equal(0, raw.Length % stride);
        return [.. Enumerable.Range(0, raw.Length / stride).Select(row => raw[row * stride])];
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
