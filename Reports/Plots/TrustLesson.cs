using OxyPlot;
using static EcosystemSim.Reports.Plots.LessonPlots;

namespace EcosystemSim.Reports.Plots;

/// <summary>
/// A misappropriation scandal: trust in public schemes (0-100), the pension contribution rate and
/// medical enrolment (left axis); the funds diverted (right axis). The scandal's year is the year with
/// the most counties where diversion came to light.
/// </summary>
internal static class TrustLesson
{
    public static PlotModel Draw(PlotData d)
    {
        var model = TwoAxes("Trust after a scandal: trust, contributions and enrolment",
            "Trust (0-100) and shares (%)", $"Diverted funds, billion yuan a year ({Html.MoneyBasis.Short(d.PricesYear)})", d.Years);
        model.Axes[1].Minimum = 0;
        model.Series.Add(Left(d.Series("avg_trust"), 100, "Trust in public schemes (0-100)", 0));
        model.Series.Add(Left(d.Series("pension_contribution_rate"), 100, "Pension: contributing, of 16-59 (%)", 2));
        model.Series.Add(Left(d.Series("medical_enrollment_rate"), 100, "Medical insurance: enrolled (%)", 3));
        model.Series.Add(Right(d.Series("misappropriated_yuan"), 1e-9, "Funds diverted (right axis)", 1, LineStyle.Dot));
        return model;
    }

    /// <summary>The year with the most counties whose diversion came to light (the earliest on a tie), or null when none did.</summary>
    internal static int? ScandalYear(PlotData d)
    {
        var scandals = Finite(d.Series("scandal_counties"));
        if (scandals.Length == 0 || scandals.Max(p => p.Value) <= 0) return null;
        return scandals.OrderByDescending(p => p.Value).ThenBy(p => p.Year).First().Year;
    }

    /// <summary>The metric's lowest value from a year on, and its year (the earliest on a tie).</summary>
    internal static (int Year, double Value) LowFrom(PlotData d, string metric, int from) =>
        Finite(d.Series(metric)).Where(p => p.Year >= from).OrderBy(p => p.Value).ThenBy(p => p.Year).First();

    public static string Read(PlotData d)
    {
        if (d.Years.Count == 0) return "The run has no years.";
        int last = d.Years[^1];
        if (ScandalYear(d) is not { } year)
        {
            return $"No county's diversion came to light in this run, so there is no scandal to recover from. Trust in public schemes went from " +
                   $"{RunPlots.Fixed3(RunPlots.Value(d, "avg_trust", d.Years[0]))} in {d.Years[0]} to {RunPlots.Fixed3(RunPlots.Value(d, "avg_trust", last))} in {last}. " +
                   $"The pension contribution rate went from {RunPlots.Percent(RunPlots.Value(d, "pension_contribution_rate", d.Years[0]))} to {RunPlots.Percent(RunPlots.Value(d, "pension_contribution_rate", last))}.";
        }
        int before = Math.Max(d.Years[0], year - 1);
        double t0 = RunPlots.Value(d, "avg_trust", before), tEnd = RunPlots.Value(d, "avg_trust", last);
        var trustLow = LowFrom(d, "avg_trust", year);
        double made = t0 > trustLow.Value ? (tEnd - trustLow.Value) / (t0 - trustLow.Value) : 1;
        string first = $"Trust in public schemes was {RunPlots.Fixed3(t0)} in {before}; after diversion came to light in {RunPlots.Value(d, "scandal_counties", year):0} counties in {year} " +
                       $"it fell to {RunPlots.Fixed3(trustLow.Value)} in {trustLow.Year} and was {RunPlots.Fixed3(tEnd)} in {last}, {RunPlots.Percent(Math.Clamp(made, 0, 1))} of the fall made good.";
        return $"{first} {Follows(d, "pension_contribution_rate", "The share of working-age adults contributing to the pension", before, year, trustLow.Year, last)} " +
               Follows(d, "medical_enrollment_rate", "Medical enrolment", before, year, trustLow.Year, last);
    }

    /// <summary>How a scheme followed trust: its level before, its low and how long after trust's low it came, its last value.</summary>
    private static string Follows(PlotData d, string metric, string subject, int before, int year, int trustLowYear, int last)
    {
        double v0 = RunPlots.Value(d, metric, before), vEnd = RunPlots.Value(d, metric, last);
        var low = LowFrom(d, metric, year);
        int lag = low.Year - trustLowYear;
        string when = lag == 0 ? "the year of trust's low" : lag > 0 ? $"{lag} year{(lag == 1 ? "" : "s")} after trust's low" : $"{-lag} year{(lag == -1 ? "" : "s")} before trust's low";
        return $"{subject} went from {RunPlots.Percent(v0)} in {before} to a low of {RunPlots.Percent(low.Value)} in {low.Year} ({when}) and was {RunPlots.Percent(vEnd)} in {last}.";
    }
}
