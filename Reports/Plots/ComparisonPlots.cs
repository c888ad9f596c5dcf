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

    /// <summary>The year whose prices money is in, or 0 for nominal yuan.</summary>
    public int PricesYear { get; init; }

    private readonly Dictionary<(string, string, string), (int Year, Interval Value)[]> _levels =
        Summaries.SelectMany(s => s.Summary.Rows.Select(r => (s.Name, r))).GroupBy(x => (x.Name, x.r.Metric, x.r.Region))
            .ToDictionary(g => g.Key, g => g.Select(x => (x.r.Year, x.r.Value)).ToArray());

    private readonly Dictionary<(string, string, string), ComparisonRow[]> _differences =
        Comparison.Rows.GroupBy(r => (r.Scenario, r.Metric, r.Region)).ToDictionary(g => g.Key, g => g.ToArray());

    public IReadOnlyList<(int Year, Interval Value)> Levels(string scenario, string metric, string region = "national") =>
        _levels.TryGetValue((scenario, metric, region), out var rows) ? rows : [];

    public IReadOnlyList<ComparisonRow> Differences(string scenario, string metric, string region = "national") =>
        _differences.TryGetValue((scenario, metric, region), out var rows) ? rows : [];

    /// <summary>A scenario's level of a metric in a scope and year (NaN mean when it has none).</summary>
    public Interval Level(string scenario, string metric, string region, int year)
    {
        foreach (var (y, value) in Levels(scenario, metric, region))
        {
            if (y == year) return value;
        }
        return new Interval(double.NaN, double.NaN, double.NaN, double.NaN, 0);
    }

    /// <summary>A reform's paired difference in a scope and year, or null.</summary>
    public ComparisonRow? Difference(string scenario, string metric, string region, int year) =>
        Differences(scenario, metric, region).FirstOrDefault(r => r.Year == year);
}

/// <summary>A measure the comparison report shows: a metric in a scope, with a label, a scale and a unit for the axis.</summary>
public sealed record Headline(string Metric, string Scope, string Label, double Scale, string Unit)
{
    /// <summary>The plots' file name stem: the metric, then the scope unless national (age:60+ as age_60plus, west/age:60+ as west_age_60plus).</summary>
    public string FileStem => Scope == "national" ? Metric
        : $"{Metric}_{Scope.Replace(":", "_", StringComparison.Ordinal).Replace("/", "_", StringComparison.Ordinal).Replace("+", "plus", StringComparison.Ordinal)}";
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
        ("fiscal_cost_share_of_income", "Public spending, share of rural market income", 100, "%"),
        ("avg_trust", "Trust in public schemes", 1, "0-1"),
    ];

    /// <summary>
    /// The headline measures of the report: <paramref name="metrics"/> (default <see cref="Metrics"/>) in each of
    /// <paramref name="scopes"/> (default national). A metric outside the default list is labelled with its name and
    /// scaled from its unit: shares as %, money by the year or stock in billions.
    /// </summary>
    public static IReadOnlyList<Headline> Headlines(IReadOnlyList<string>? metrics = null, IReadOnlyList<string>? scopes = null)
    {
        var chosen = (metrics is { Count: > 0 } ? metrics : Metrics.Select(m => m.Metric)).ToArray();
        var where = scopes is { Count: > 0 } ? scopes : ["national"];
        return where.SelectMany(scope => chosen.Select(metric =>
        {
            var (label, scale, unit) = Describe(metric);
            return new Headline(metric, scope, scope == "national" ? label : $"{label} ({scope})", scale, unit);
        })).ToArray();
    }

    /// <summary>A metric's label, scale and unit: from <see cref="Metrics"/> when it is there, else from its unit in the registry.</summary>
    public static (string Label, double Scale, string Unit) Describe(string metric)
    {
        foreach (var m in Metrics)
        {
            if (m.Metric == metric) return (m.Label, m.Scale, m.Unit);
        }
        string unit = MetricRegistry.All.FirstOrDefault(m => m.Name == metric)?.Unit ?? "";
        return unit switch
        {
            _ when unit.StartsWith("share", StringComparison.Ordinal) || unit == "per person" => (metric, 100, "%"),
            "yuan/year" => (metric, 1e-9, "billion yuan a year"),
            "yuan" => (metric, 1e-9, "billion yuan"),
            _ => (metric, 1, unit),
        };
    }

    /// <summary>
    /// Every plot of a comparison report, by file stem: each headline's levels and differences, then
    /// the winners' and regions' charts (<see cref="Html.ComparisonSections"/>) of the last year.
    /// </summary>
    public static IEnumerable<(string Name, PlotModel Plot)> All(ComparisonData d, IReadOnlyList<Headline> headlines)
    {
        foreach (var h in headlines)
        {
            yield return ($"{h.FileStem}_levels", Levels(d, h.Metric, h.Label, h.Scale, h.Unit, h.Scope));
            yield return ($"{h.FileStem}_differences", Differences(d, h.Metric, h.Label, h.Scale, h.Unit, h.Scope));
        }
        if (d.Summaries.Count < 2 || d.Years.Count == 0) yield break;
        foreach (var plot in Html.ComparisonSections.Plots(d, d.Years[^1], Html.MoneyBasis.Short(d.PricesYear))) yield return plot;
    }

    private static readonly OxyColor[] Colours =
    [
        OxyColor.FromRgb(0, 0, 0), OxyColor.FromRgb(213, 94, 0), OxyColor.FromRgb(0, 114, 178), OxyColor.FromRgb(0, 158, 115),
        OxyColor.FromRgb(204, 121, 167), OxyColor.FromRgb(230, 159, 0), OxyColor.FromRgb(86, 180, 233),
    ];

    /// <summary>Colour of the i-th scenario (0 = the baseline, black), the same in every plot.</summary>
    public static OxyColor Colour(int i) => Colours[i % Colours.Length];

    public static PlotModel Levels(ComparisonData d, string metric, string label, double scale, string unit, string scope = "national")
    {
        var model = Base($"{label}: baseline and reforms (mean, 95% band)", $"{label} ({unit})", d.Years);
        for (int i = 0; i < d.Summaries.Count; i++)
        {
            var points = d.Levels(d.Summaries[i].Name, metric, scope);
            AddBand(model, points.Select(p => ((double)p.Year, p.Value.Mean, p.Value.CiLow, p.Value.CiHigh)), scale, Colour(i), d.Summaries[i].Name);
        }
        return model;
    }

    public static PlotModel Differences(ComparisonData d, string metric, string label, double scale, string unit, string scope = "national")
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
            var rows = d.Differences(d.Summaries[i].Name, metric, scope);
            AddBand(model, rows.Select(r => ((double)r.Year, r.Difference.Mean, r.Difference.CiLow, r.Difference.CiHigh)), scale, Colour(i), d.Summaries[i].Name);
        }
        return model;
    }

    /// <summary>
    /// Each reform's paired difference from the baseline in one year, across scopes drawn side by side:
    /// ordered scopes (deciles) as a line with its 95% band per reform; unordered ones (age groups,
    /// regions, <paramref name="ordered"/> false) as points with 95% error bars, reforms side by side.
    /// </summary>
    public static PlotModel ByScope(ComparisonData d, string title, string yTitle, string metric, double scale, int year,
        IReadOnlyList<(string Scope, string Label)> scopes, bool ordered = true)
    {
        var grid = OxyColor.FromRgb(220, 220, 220);
        var model = new PlotModel { Title = title, DefaultFont = PlotFiles.Font, Background = OxyColors.White, PlotMargins = new OxyThickness(double.NaN, double.NaN, 20, double.NaN) };
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Minimum = 0.5, Maximum = scopes.Count + 0.5, MajorStep = 1, MinorStep = 1,
            LabelFormatter = x => Math.Abs(x - Math.Round(x)) < 1e-9 && x >= 1 && x <= scopes.Count ? scopes[(int)Math.Round(x) - 1].Label : "",
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = grid,
        });
        // Error bars do not widen the axis by themselves: a margin keeps their ends in view.
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left, Title = yTitle, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = grid, MinimumPadding = 0.1, MaximumPadding = 0.1,
        });
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Outside, LegendFontSize = 11, LegendBackground = OxyColors.White });
        var zero = new LineSeries { Color = OxyColors.Gray, LineStyle = LineStyle.Dot, StrokeThickness = 1, Title = "No difference" };
        zero.Points.Add(new DataPoint(0.5, 0));
        zero.Points.Add(new DataPoint(scopes.Count + 0.5, 0));
        model.Series.Add(zero);
        int reforms = d.Summaries.Count - 1;
        for (int i = 1; i < d.Summaries.Count; i++)
        {
            // Unordered scopes: each reform's points a little apart so their bars do not overlap.
            double offset = ordered ? 0 : (i - 1 - (reforms - 1) / 2.0) * Math.Min(0.15, 0.6 / reforms);
            var points = scopes.Select((s, k) => (X: k + 1.0 + offset, Row: d.Difference(d.Summaries[i].Name, metric, s.Scope, year)))
                .Select(p => (p.X, Mean: p.Row?.Difference.Mean ?? double.NaN, Low: p.Row?.Difference.CiLow ?? double.NaN, High: p.Row?.Difference.CiHigh ?? double.NaN));
            if (ordered)
            {
                AddBand(model, points, scale, Colour(i), d.Summaries[i].Name, MarkerType.Circle);
                continue;
            }
            var series = new ScatterErrorSeries { Title = d.Summaries[i].Name, MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = Colour(i), ErrorBarColor = Colour(i), ErrorBarStrokeThickness = 2 };
            foreach (var (x, mean, low, high) in points)
            {
                if (!double.IsFinite(mean)) continue;
                double half = double.IsFinite(low) && double.IsFinite(high) ? (high - low) / 2 * scale : 0;
                series.Points.Add(new ScatterErrorPoint(x, mean * scale, 0, half));
            }
            model.Series.Add(series);
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
