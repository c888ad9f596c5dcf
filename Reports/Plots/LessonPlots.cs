using System.Globalization;
using EcosystemSim.Model.Parameters;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace EcosystemSim.Reports.Plots;

/// <summary>
/// The chart that carries a teaching scenario's lesson (its `lesson` field), drawn first in its report,
/// and a three-sentence reading of it written from the run's own numbers (replication 0, as every plot).
/// </summary>
public static class LessonPlots
{
    /// <summary>File name of the lesson's chart (plots/lesson.png and .svg) and its section's id in the report.</summary>
    public const string Name = "lesson";

    /// <summary>
    /// The fewest simulated policies for which the report shows a year's loss ratio. Rationale: in the
    /// premium-spiral a policy's yearly claims have a coefficient of variation of about 5 (most claim
    /// nothing, a few claim tens of thousands of yuan; measured as the spread of the loss ratio across
    /// 10 seeds at about 1,500 policies), so with n policies the year's loss ratio has a relative
    /// standard error of about 5 / sqrt(n): about 30% at 250 policies, and swings of 0.2 to 1.9 on the
    /// few dozen left after a collapse. The ratio is still in metrics.csv for every year.
    /// </summary>
    public const int MinimumPoolPolicies = 250;

    /// <summary>The lesson's chart (none for <see cref="Lesson.None"/>).</summary>
    public static IReadOnlyList<PlotDefinition> Of(Lesson lesson) => lesson switch
    {
        Lesson.PremiumSpiral => [new(Name, "The lesson: the premium, the pool's health and its loss ratio", SpiralLesson.Draw, SpiralLesson.Read)],
        Lesson.TrustRecovery => [new(Name, "The lesson: trust after the scandal, and the schemes that follow it", TrustLesson.Draw, TrustLesson.Read)],
        Lesson.RegionalDivergence => [new(Name, "The lesson: pensions by region, and counties cutting benefits", DivergenceLesson.Draw, DivergenceLesson.Read)],
        _ => [],
    };

    /// <summary>The series' finite points.</summary>
    internal static (int Year, double Value)[] Finite(IEnumerable<(int Year, double Value)> series) =>
        series.Where(p => double.IsFinite(p.Value)).ToArray();

    /// <summary>"rose", "fell" or "stayed" by how the two values read in the format.</summary>
    internal static string Moved(double from, double to, Func<double, string> format) =>
        format(from) == format(to) ? "stayed" : to > from ? "rose" : "fell";

    /// <summary>"rose from A to B", "fell from A to B" or "stayed at A", by how the two values read in the format.</summary>
    internal static string FromTo(double from, double to, Func<double, string> format) =>
        format(from) == format(to) ? $"stayed at {format(from)}" : $"{Moved(from, to, format)} from {format(from)} to {format(to)}";

    /// <summary>A ratio with two decimals (loss ratios, pension ratios).</summary>
    internal static string Fixed2(double x) => double.IsFinite(x) ? x.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A chart with a second value axis on the right (series take it with YAxisKey = "right").</summary>
    internal static PlotModel TwoAxes(string title, string left, string right, IReadOnlyList<int> years)
    {
        var model = RunPlots.Base(title, left, years);
        model.PlotMargins = new OxyThickness(double.NaN); // room for the right axis' labels
        model.TitleHorizontalAlignment = TitleHorizontalAlignment.CenteredWithinView; // a long title fits beside the legend
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Right, Key = "right", Title = right, Minimum = 0, MajorGridlineStyle = LineStyle.None });
        return model;
    }

    /// <summary>A line on the right axis.</summary>
    internal static LineSeries Right(IEnumerable<(int Year, double Value)> points, double scale, string title, int colour, LineStyle style = LineStyle.Solid)
    {
        var line = RunPlots.Line(points, scale, title, RunPlots.Palette[colour], 2.4, style);
        line.YAxisKey = "right";
        return line;
    }

    /// <summary>A line on the left axis.</summary>
    internal static LineSeries Left(IEnumerable<(int Year, double Value)> points, double scale, string title, int colour, LineStyle style = LineStyle.Solid) =>
        RunPlots.Line(points, scale, title, RunPlots.Palette[colour], 2.8, style);
}
