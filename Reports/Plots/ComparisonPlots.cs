using EcosystemSim.Reports.Metrics;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace EcosystemSim.Reports.Plots;

/// <summary>A comparison's data: each scenario's summary across replications, and the paired differences.</summary>
/// <param name="Baseline">The baseline's name.</param>
/// <param name="Summaries">Each scenario's summary, the baseline first.</param>
/// <param name="Comparison">The paired differences of each scenario against the baseline.</param>
public sealed record ComparisonData(string Baseline, IReadOnlyList<(string Name, SummaryTable Summary)> Summaries, ComparisonTable Comparison)
{
    public IReadOnlyList<int> Years { get; } = Summaries[0].Summary.Rows.Select(r => r.Year).Distinct().Order().ToArray();

    public IReadOnlyList<(int Year, Interval Value)> Levels(string scenario, string metric, string region = "national") =>
        Summaries.First(s => s.Name == scenario).Summary.Rows.Where(r => r.Metric == metric && r.Region == region).Select(r => (r.Year, r.Value)).ToArray();

    public IReadOnlyList<ComparisonRow> Differences(string scenario, string metric, string region = "national") =>
        Comparison.Rows.Where(r => r.Scenario == scenario && r.Metric == metric && r.Region == region).ToArray();
}

/// <summary>
/// Plots of a comparison: for each headline metric, the levels of the baseline and the reforms over
/// time (means across replications with their 95% bands), and the reforms' paired differences from
/// the baseline with their bands.
/// </summary>
public static class ComparisonPlots
{
    /// <summary>The metrics compared in plots and the report, with a label, a scale and a unit for the axis.</summary>
    public static IReadOnlyList<(string Metric, string Label, double Scale, string Unit)> Metrics { get; } =
    [
        ("pension_contribution_rate", "Pension: contributing, of 16-59", 100, "%"),
        ("pension_recipient_rate", "Pension: receiving, of 60+", 100, "%"),
        ("avg_monthly_pension_yuan", "Average monthly pension", 1, "yuan a month"),
        ("medical_enrollment_rate", "Medical insurance: enrolled", 100, "%"),
        ("supplementary_medical_uptake", "Medical top-up: holding", 100, "%"),
        ("dibao_recipient_rate", "Dibao: residents receiving", 100, "%"),
        ("gini_post_transfer", "Gini of disposable income", 1, "Gini"),
        ("poverty_headcount", "Below the poverty line", 100, "%"),
        ("catastrophic_health_rate", "Households with catastrophic medical spending", 100, "%"),
        ("central_spending_yuan", "Central spending", 1e-9, "billion yuan a year"),
        ("local_spending_yuan", "Local spending", 1e-9, "billion yuan a year"),
        ("avg_trust", "Trust in public schemes", 1, "0-1"),
    ];

    private static readonly OxyColor[] Colours =
    [
        OxyColor.FromRgb(0, 0, 0), OxyColor.FromRgb(213, 94, 0), OxyColor.FromRgb(0, 114, 178), OxyColor.FromRgb(0, 158, 115),
        OxyColor.FromRgb(204, 121, 167), OxyColor.FromRgb(230, 159, 0), OxyColor.FromRgb(86, 180, 233),
    ];

    /// <summary>Colour of the i-th scenario (0 = the baseline, black), the same in every plot.</summary>
    public static OxyColor Colour(int i) => Colours[i % Colours.Length];

    public static PlotModel Levels(ComparisonData d, string metric, string label, double scale, string unit)
    {
        var model = Base($"{label}: baseline and reforms (mean, 95% band)", $"{label} ({unit})", d.Years);
        for (int i = 0; i < d.Summaries.Count; i++)
        {
            var points = d.Levels(d.Summaries[i].Name, metric);
            AddBand(model, points.Select(p => ((double)p.Year, p.Value.Mean, p.Value.CiLow, p.Value.CiHigh)), scale, Colour(i), d.Summaries[i].Name);
        }
        return model;
    }

    public static PlotModel Differences(ComparisonData d, string metric, string label, double scale, string unit)
    {
        var model = Base($"{label}: reform minus baseline (paired, 95% band)", $"Difference ({unit})", d.Years);
        var zero = new LineSeries { Color = OxyColors.Gray, LineStyle = LineStyle.Dot, StrokeThickness = 1, Title = "No difference" };
        if (d.Years.Count > 0)
        {
            zero.Points.Add(new DataPoint(d.Years[0], 0));
            zero.Points.Add(new DataPoint(d.Years[^1], 0));
        }
        model.Series.Add(zero);
        for (int i = 1; i < d.Summaries.Count; i++)
        {
            var rows = d.Differences(d.Summaries[i].Name, metric);
            AddBand(model, rows.Select(r => ((double)r.Year, r.Difference.Mean, r.Difference.CiLow, r.Difference.CiHigh)), scale, Colour(i), d.Summaries[i].Name);
        }
        return model;
    }

    /// <summary>A mean's line and its 95% band in one colour; points without a finite mean are skipped, and without a finite interval get no band.</summary>
    internal static void AddBand(PlotModel model, IEnumerable<(double X, double Mean, double Low, double High)> points, double scale, OxyColor colour, string title,
        MarkerType marker = MarkerType.None)
    {
        var band = new AreaSeries { Fill = OxyColor.FromAColor(50, colour), Color = OxyColors.Transparent, Color2 = OxyColors.Transparent, StrokeThickness = 0 };
        var line = new LineSeries { Title = title, Color = colour, StrokeThickness = 2.4, MarkerType = marker, MarkerFill = colour };
        foreach (var (x, mean, low, high) in points)
        {
            if (!double.IsFinite(mean)) continue;
            line.Points.Add(new DataPoint(x, mean * scale));
            if (double.IsFinite(low) && double.IsFinite(high))
            {
                band.Points.Add(new DataPoint(x, low * scale));
                band.Points2.Add(new DataPoint(x, high * scale));
            }
        }
        if (band.Points.Count > 0) model.Series.Add(band);
        model.Series.Add(line);
    }

    private static PlotModel Base(string title, string yTitle, IReadOnlyList<int> years)
    {
        var grid = OxyColor.FromRgb(220, 220, 220);
        var model = new PlotModel { Title = title, DefaultFont = PlotFiles.Font, Background = OxyColors.White, PlotMargins = new OxyThickness(double.NaN, double.NaN, 20, double.NaN) };
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Title = "Year", StringFormat = "0", MajorStep = years.Count > 12 ? 5 : 1, MinorStep = 1,
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = grid,
        });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = yTitle, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = grid });
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Outside, LegendFontSize = 11, LegendBackground = OxyColors.White });
        return model;
    }
}
