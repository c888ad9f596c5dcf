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
        double t0 = RunPlots.Value(d, "avg_trust", before);
        var low = LowFrom(d, "avg_trust", year);
        int back = Finite(d.Series("avg_trust")).Where(p => p.Year > low.Year && p.Value >= t0).Select(p => p.Year).DefaultIfEmpty(0).First();
        string recovery = back > 0 ? $"and was back to its earlier level by {back}"
            : $"and had made good {RunPlots.Percent(Math.Clamp((RunPlots.Value(d, "avg_trust", last) - low.Value) / Math.Max(t0 - low.Value, 1e-12), 0, 1))} of the fall by {last}";
        string first = $"Trust in public schemes was {RunPlots.Fixed3(t0)} in {before}; after diversion came to light in {RunPlots.Value(d, "scandal_counties", year):0} counties in {year} " +
                       $"it fell to {RunPlots.Fixed3(low.Value)} in {low.Year} {recovery}.";
        var (from, to) = LowYears(d, year, low.Year, back);
        string second = $"While trust was below that level ({from}-{to}), the share of working-age adults contributing to the pension averaged " +
                        $"{RunPlots.Percent(Mean(d, "pension_contribution_rate", from, to))} against {RunPlots.Percent(RunPlots.Value(d, "pension_contribution_rate", before))} in {before}, " +
                        $"and medical enrolment {RunPlots.Percent(Mean(d, "medical_enrollment_rate", from, to))} against {RunPlots.Percent(RunPlots.Value(d, "medical_enrollment_rate", before))}.";
        string third = $"In {last} trust was {RunPlots.Fixed3(RunPlots.Value(d, "avg_trust", last))}, the contribution rate {RunPlots.Percent(RunPlots.Value(d, "pension_contribution_rate", last))} " +
                       $"and enrolment {RunPlots.Percent(RunPlots.Value(d, "medical_enrollment_rate", last))}.";
        return $"{first} {second} {third}";
    }

    /// <summary>The years trust was below its level before the scandal: from the year after the scandal (trust answers a year late) to the year before it was back, or to the end.</summary>
    internal static (int From, int To) LowYears(PlotData d, int scandalYear, int lowYear, int backYear)
    {
        int to = backYear > 0 ? backYear - 1 : d.Years[^1];
        int from = Math.Min(scandalYear + 1, lowYear);
        return (from, Math.Max(from, to));
    }

    /// <summary>The metric's mean over the years from..to (national, finite values).</summary>
    internal static double Mean(PlotData d, string metric, int from, int to) =>
        Finite(d.Series(metric)).Where(p => p.Year >= from && p.Year <= to).Select(p => p.Value).DefaultIfEmpty(double.NaN).Average();
}
