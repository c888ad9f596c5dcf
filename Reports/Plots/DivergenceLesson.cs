using OxyPlot;
using EcosystemSim.Reports.Metrics;
using static EcosystemSim.Reports.Plots.LessonPlots;

namespace EcosystemSim.Reports.Plots;

/// <summary>
/// Regional divergence: the average monthly pension in each region (left axis); the share of counties
/// cutting or delaying local benefits for lack of money, nationally and in the west (right axis).
/// </summary>
internal static class DivergenceLesson
{
    public static PlotModel Draw(PlotData d)
    {
        var model = TwoAxes("Regional divergence: pensions by region and counties cutting benefits",
            $"Average pension, yuan a month ({Html.MoneyBasis.Short(d.PricesYear)})", "Counties cutting benefits (%)", d.Years);
        model.Axes[1].Minimum = 0;
        foreach (string region in MetricRegistry.RegionNames.Skip(1))
        {
            model.Series.Add(RunPlots.Line(d.Series("avg_monthly_pension_yuan", region), 1, $"Pension, {RegionStyle.Label(region).ToLowerInvariant()}",
                RegionStyle.Colour(region), 2.8, LineStyle.Solid));
        }
        model.Series.Add(Right(d.Series("counties_cutting_share"), 100, "Counties cutting, all (right axis)", 0, LineStyle.Dash));
        var west = RunPlots.Line(d.Series("counties_cutting_share", "west"), 100, "Counties cutting, west (right axis)", RegionStyle.Colour("west"), 1.6, LineStyle.Dash);
        west.YAxisKey = "right";
        model.Series.Add(west);
        return model;
    }

    public static string Read(PlotData d)
    {
        if (d.Years.Count == 0) return "The run has no years.";
        int y0 = d.Years[0], y1 = d.Years[^1];
        double e0 = RunPlots.Value(d, "avg_monthly_pension_yuan", y0, "east"), w0 = RunPlots.Value(d, "avg_monthly_pension_yuan", y0, "west");
        double e1 = RunPlots.Value(d, "avg_monthly_pension_yuan", y1, "east"), w1 = RunPlots.Value(d, "avg_monthly_pension_yuan", y1, "west");
        string first = $"The average monthly pension went from {RunPlots.Yuan(e0)} in the east and {RunPlots.Yuan(w0)} in the west in {y0} ({Fixed2(e0 / w0)} times) " +
                       $"to {RunPlots.Yuan(e1)} and {RunPlots.Yuan(w1)} in {y1} ({Fixed2(e1 / w1)} times).";
        var cutting = Finite(d.Series("counties_cutting_share"));
        var peak = cutting.Length == 0 ? (y1, double.NaN) : cutting.OrderByDescending(p => p.Value).ThenBy(p => p.Year).First();
        string second = $"The share of counties cutting or delaying local benefits for lack of money was {RunPlots.Percent(RunPlots.Value(d, "counties_cutting_share", y0))} in {y0} " +
                        $"and {RunPlots.Percent(RunPlots.Value(d, "counties_cutting_share", y1))} in {y1} ({RunPlots.Percent(RunPlots.Value(d, "counties_cutting_share", y1, "west"))} in the west)" +
                        (peak.Item2 > RunPlots.Value(d, "counties_cutting_share", y1) ? $", at most {RunPlots.Percent(peak.Item2)} in {peak.Item1}." : ".");
        double c0 = RunPlots.Value(d, "central_spending_yuan", y0), c1 = RunPlots.Value(d, "central_spending_yuan", y1);
        double t0 = RunPlots.Value(d, "theil_between_regions", y0), t1 = RunPlots.Value(d, "theil_between_regions", y1);
        string third = $"Central spending {Moved(c0, c1, RunPlots.Billions)} from {RunPlots.Billions(c0)} to {RunPlots.Billions(c1)} a year, and income inequality between the regions " +
                       $"(Theil) {Moved(t0, t1, RunPlots.Fixed3)} from {RunPlots.Fixed3(t0)} to {RunPlots.Fixed3(t1)}.";
        return $"{first} {second} {third}";
    }
}
