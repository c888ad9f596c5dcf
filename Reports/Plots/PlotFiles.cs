using OxyPlot;

namespace EcosystemSim.Reports.Plots;

/// <summary>Writes plot models as PNG and SVG; separate from the plots themselves.</summary>
public static class PlotFiles
{
    /// <summary>A sans-serif face that Debian's fonts-dejavu-core provides.</summary>
    public const string Font = "DejaVu Sans";

    public const int Width = 1100;
    public const int Height = 620;

    /// <summary>Writes DIR/NAME.png and DIR/NAME.svg; returns both paths.</summary>
    public static (string Png, string Svg) Write(PlotModel model, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, name + ".png");
        string svg = Path.Combine(directory, name + ".svg");
        // Rendered in memory, then written by managed code: Skia writes to a stream from native callbacks, where an
        // I/O failure (a full disk) aborts the process instead of surfacing as an exception the command can report.
        using (var image = new MemoryStream())
        {
            new OxyPlot.SkiaSharp.PngExporter { Width = Width, Height = Height }.Export(model, image);
            File.WriteAllBytes(png, image.ToArray());
        }
        using (var text = new MemoryStream())
        {
            // OxyPlot's own SVG writer keeps text as text (Skia's turns every glyph into a path, ten times the size);
            // Skia measures the text so that the layout matches the PNG.
            using var measurer = new OxyPlot.SkiaSharp.SkiaRenderContext();
            new SvgExporter { Width = Width, Height = Height, TextMeasurer = measurer }.Export(model, text);
            File.WriteAllBytes(svg, text.ToArray());
        }
        return (png, svg);
    }
}
