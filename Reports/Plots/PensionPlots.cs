using EcosystemSim.Reports.Metrics;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace EcosystemSim.Reports.Plots;

/// <summary>Plots of the resident basic pension over time: each a function from the metrics to a plot model.</summary>
public static class PensionPlots
{
    /// <summary>Contribution and recipient rates by region over time.</summary>
    public static PlotModel Coverage(MetricsTable metrics)
    {
        var model = Base("Resident basic pension: coverage", "Share of persons (%)", metrics.Years);
        foreach (string region in MetricRegistry.RegionNames)
        {
            model.Series.Add(Line(metrics.Series("pension_contribution_rate", region), 100,
                $"{RegionStyle.Label(region)}: contributing (of 16-59)", region, LineStyle.Solid));
            model.Series.Add(Line(metrics.Series("pension_recipient_rate", region), 100,
                $"{RegionStyle.Label(region)}: receiving (of 60+)", region, LineStyle.Dash));
        }
        model.Axes[1].Minimum = 0;
        model.Axes[1].Maximum = 100;
        return model;
    }

    /// <summary>Average monthly pension by region against the central minimum.</summary>
    public static PlotModel Amounts(MetricsTable metrics)
    {
        var model = Base("Resident basic pension: average monthly amount", "Yuan per month (nominal)", metrics.Years);
        foreach (string region in MetricRegistry.RegionNames)
        {
            model.Series.Add(Line(metrics.Series("avg_monthly_pension_yuan", region), 1,
                $"{RegionStyle.Label(region)}: average pension", region, LineStyle.Solid));
        }
        var minimum = Line(metrics.Series("min_basic_pension_yuan", "national"), 1, "Central minimum", "national", LineStyle.Dot);
        minimum.Color = OxyColors.Gray;
        model.Series.Add(minimum);
        model.Axes[1].Minimum = 0;
        return model;
    }

    private static PlotModel Base(string title, string yTitle, IReadOnlyList<int> years)
    {
        var model = new PlotModel
        {
            Title = title,
            DefaultFont = PlotFiles.Font,
            Background = OxyColors.White,
            PlotMargins = new OxyThickness(double.NaN, double.NaN, 20, double.NaN),
        };
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Title = "Year", StringFormat = "0",
            MajorStep = years.Count > 12 ? 5 : 1, MinorStep = 1,
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(220, 220, 220),
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left, Title = yTitle,
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(220, 220, 220),
        });
        model.Legends.Add(new Legend
        {
            LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Outside,
            LegendBackground = OxyColors.White, LegendFontSize = 11,
        });
        return model;
    }

    private static LineSeries Line(IReadOnlyList<(int Year, double Value)> points, double scale, string title, string region, LineStyle style)
    {
        var series = new LineSeries
        {
            Title = title,
            Color = RegionStyle.Colour(region),
            StrokeThickness = RegionStyle.Thickness(region),
            LineStyle = style,
        };
        foreach (var (year, value) in points)
        {
            if (double.IsFinite(value)) series.Points.Add(new DataPoint(year, value * scale));
        }
        return series;
    }
}
