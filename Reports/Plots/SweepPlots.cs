using EcosystemSim.Reports.Metrics;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace EcosystemSim.Reports.Plots;

/// <summary>One point of a sweep plot: the series it belongs to (the other axes' values), the swept value and the metric there.</summary>
public sealed record SweepPlotPoint(string Series, double X, Interval Value);

/// <summary>
/// A sweep's metric against its first swept parameter: the mean across replications with its 95%
/// band, one line per combination of the other parameters' values (colours as in comparisons).
/// </summary>
public static class SweepPlots
{
    public static PlotModel Against(string metric, string path, int year, IReadOnlyList<SweepPlotPoint> points)
    {
        var grid = OxyColor.FromRgb(220, 220, 220);
        var model = new PlotModel
        {
            Title = $"{metric} in {year} against {path} (mean, 95% band)", DefaultFont = PlotFiles.Font, Background = OxyColors.White,
            PlotMargins = new OxyThickness(double.NaN, double.NaN, 20, double.NaN),
        };
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = path, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = grid });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = metric, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = grid });
        var series = points.Select(p => p.Series).Distinct().ToList();
        for (int i = 0; i < series.Count; i++)
        {
            var mine = points.Where(p => p.Series == series[i]).OrderBy(p => p.X).Select(p => (p.X, p.Value.Mean, p.Value.CiLow, p.Value.CiHigh));
            ComparisonPlots.AddBand(model, mine, 1, ComparisonPlots.Colour(i), series[i].Length == 0 ? metric : series[i], MarkerType.Circle);
        }
        if (series.Count > 1 || series.Any(s => s.Length > 0))
        {
            model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Outside, LegendFontSize = 11, LegendBackground = OxyColors.White });
        }
        return model;
    }
}
