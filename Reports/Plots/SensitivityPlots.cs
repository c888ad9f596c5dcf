using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace EcosystemSim.Reports.Plots;

/// <summary>One bar of a tornado plot: a parameter, its index and the index's 95% interval.</summary>
public sealed record TornadoBar(string Parameter, double Value, double CiLow, double CiHigh);

/// <summary>
/// A sensitivity analysis's tornado plot: for one metric, the parameters as horizontal bars of their
/// headline index (mu* for Morris, the total index for Sobol), largest at the top, with the index's
/// bootstrap 95% interval as a whisker.
/// </summary>
public static class SensitivityPlots
{
    /// <summary>Most bars drawn: more do not fit the plot's height legibly; the CSV holds every parameter.</summary>
    public const int MaxBars = 25;

    /// <summary>The bars' colour: the Okabe-Ito sky blue of the comparison plots, light enough for the black whiskers to show on it.</summary>
    private static readonly OxyColor BarColour = ComparisonPlots.Colour(6);

    public static PlotModel Tornado(string metric, int year, string scope, string index, IReadOnlyList<TornadoBar> bars)
    {
        var shown = bars.Where(b => double.IsFinite(b.Value)).OrderByDescending(b => b.Value).ThenBy(b => b.Parameter, StringComparer.Ordinal).Take(MaxBars).Reverse().ToList();
        string of = shown.Count < bars.Count ? $", top {shown.Count} of {bars.Count} parameters" : "";
        var model = new PlotModel
        {
            Title = $"{metric} ({scope}, {year}): {index} by parameter{of}", DefaultFont = PlotFiles.Font, Background = OxyColors.White,
            TitleFontSize = 14, PlotMargins = new OxyThickness(double.NaN, double.NaN, 20, double.NaN),
        };
        var categories = new CategoryAxis { Position = AxisPosition.Left, Key = "parameters", GapWidth = 0.3, FontSize = 11 };
        categories.Labels.AddRange(shown.Select(b => b.Parameter));
        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Key = "index", Title = $"{index} (with 95% bootstrap interval)", MajorGridlineStyle = LineStyle.Dot,
            MajorGridlineColor = OxyColor.FromRgb(220, 220, 220), MinimumPadding = 0, AbsoluteMinimum = Math.Min(0, shown.Select(b => b.CiLow).Where(double.IsFinite).DefaultIfEmpty(0).Min()),
        });
        var series = new BarSeries { FillColor = BarColour, XAxisKey = "index", YAxisKey = "parameters", StrokeThickness = 0 };
        series.Items.AddRange(shown.Select(b => new BarItem(b.Value)));
        model.Series.Add(series);
        for (int i = 0; i < shown.Count; i++)
        {
            if (!double.IsFinite(shown[i].CiLow) || !double.IsFinite(shown[i].CiHigh)) continue;
            var whisker = new LineSeries { Color = OxyColors.Black, StrokeThickness = 1.2, XAxisKey = "index", YAxisKey = "parameters" };
            whisker.Points.Add(new DataPoint(shown[i].CiLow, i));
            whisker.Points.Add(new DataPoint(shown[i].CiHigh, i));
            model.Series.Add(whisker);
        }
        return model;
    }
}
