using System.Text;
using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace EcosystemSim.Reports.Plots;

/// <summary>A plot rendered in memory: the bytes of its PNG and of its SVG, and the SVG as text (for the report).</summary>
public sealed record RenderedPlot(byte[] Png, byte[] Svg)
{
    /// <summary>The SVG as a reader of the file would read it back (a byte order mark, if any, dropped).</summary>
    public string SvgText()
    {
        using var reader = new StreamReader(new MemoryStream(Svg, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}

/// <summary>Writes plot models as PNG and SVG; separate from the plots themselves.</summary>
public static class PlotFiles
{
    /// <summary>A sans-serif face that Debian's fonts-dejavu-core provides.</summary>
    public const string Font = "DejaVu Sans";

    public const int Width = 1100;
    public const int Height = 620;

    /// <summary>
    /// The PNG row filter: none, rows stored as they are. Skia's default tries every filter on every
    /// row and keeps the best guess; on this project's plots (flat backgrounds, thin antialiased
    /// lines) that took more than twice as long and made larger files: re-encoding a baseline run's
    /// plots, 9.9 against 21.9 ms a plot and 57,564 against 65,729 bytes (docs/performance.md). The
    /// pixels are the same either way (PNG is lossless).
    /// </summary>
    public const SKPngEncoderFilterFlags PngFilter = SKPngEncoderFilterFlags.None;

    /// <summary>The zlib level of the PNG encoder: Skia's default, 6, kept (measured with other filters: 4 was a tenth faster with larger files, 9 three to five times slower).</summary>
    public const int PngZlibLevel = 6;

    /// <summary>Writes DIR/NAME.png and DIR/NAME.svg; returns both paths.</summary>
    public static (string Png, string Svg) Write(PlotModel model, string directory, string name) => Write(Render(model), directory, name);

    /// <summary>Writes a plot rendered before as DIR/NAME.png and DIR/NAME.svg; returns both paths.</summary>
    public static (string Png, string Svg) Write(RenderedPlot plot, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, name + ".png");
        string svg = Path.Combine(directory, name + ".svg");
        File.WriteAllBytes(png, plot.Png);
        File.WriteAllBytes(svg, plot.Svg);
        return (png, svg);
    }

    /// <summary>
    /// The plot's PNG and SVG, in memory. Rendering touches no file and no state shared between
    /// models, so plots may be rendered at once on several threads (each its own model).
    /// </summary>
    public static RenderedPlot Render(PlotModel model)
    {
        // Rendered in memory, then written by managed code: Skia writes to a stream from native callbacks, where an
        // I/O failure (a full disk) aborts the process instead of surfacing as an exception the command can report.
        byte[] png = Png(model);
        using var text = new MemoryStream();
        // OxyPlot's own SVG writer keeps text as text (Skia's turns every glyph into a path, ten times the size);
        // Skia measures the text so that the layout matches the PNG.
        using (var measurer = new SkiaRenderContext())
        {
            new OxyPlot.SvgExporter { Width = Width, Height = Height, TextMeasurer = measurer }.Export(model, text);
        }
        return new RenderedPlot(png, text.ToArray());
    }

    /// <summary>
    /// The plot drawn on a bitmap as OxyPlot's Skia PNG exporter draws it (96 dpi, the model's
    /// background, text shaped), encoded with <see cref="PngFilter"/> and <see cref="PngZlibLevel"/>.
    /// </summary>
    private static byte[] Png(PlotModel model)
    {
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        using (var context = new SkiaRenderContext { RenderTarget = RenderTarget.PixelGraphic, SkCanvas = canvas, UseTextShaping = true, DpiScale = 1 })
        {
            IPlotModel plot = model;
            plot.Update(true);
            canvas.Clear(model.Background.ToSKColor());
            plot.Render(context, new OxyRect(0, 0, Width, Height));
        }
        using var pixels = bitmap.PeekPixels();
        using var encoded = pixels.Encode(new SKPngEncoderOptions(PngFilter, PngZlibLevel))
            ?? throw new InvalidOperationException("Skia could not encode a plot as PNG");
        return encoded.ToArray();
    }

    /// <summary>
    /// Draws and renders several plots at once, one task per plot (rendering is most of a small
    /// run's output time and one plot uses one core); the results in the order of <paramref name="draws"/>.
    /// </summary>
    public static RenderedPlot[] RenderAll(IReadOnlyList<Func<PlotModel>> draws)
    {
        var rendered = new RenderedPlot[draws.Count];
        try
        {
            Parallel.For(0, draws.Count, i => rendered[i] = Render(draws[i]()));
        }
        catch (AggregateException e)
        {
            // A plot's own failure, as it would have been thrown drawing the plots one by one.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return rendered;
    }
}
