using EcosystemSim.Reports.Metrics;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace EcosystemSim.Reports.Plots;

/// <summary>What a run's plots are drawn from.</summary>
/// <param name="Metrics">The run's metrics (replication 0 is drawn).</param>
/// <param name="Lorenz">The run's Lorenz curves.</param>
public sealed record PlotData(MetricsTable Metrics, LorenzTable Lorenz)
{
    /// <summary>The year whose prices money is in, or 0 for nominal yuan.</summary>
    public int PricesYear { get; init; }

    /// <summary>Real persons each simulated person stands for (manifest.json's weight): weighted counts over it are simulated counts; 0 when unknown.</summary>
    public double Weight { get; init; }

    public IReadOnlyList<int> Years { get; } = Metrics.Years;

    public IReadOnlyList<(int Year, double Value)> Series(string metric, string region = "national") => Metrics.Series(metric, region);

    /// <summary>The insurer:&lt;id&gt; regions present.</summary>
    public IReadOnlyList<string> Insurers { get; } =
        Metrics.Rows.Select(r => r.Region).Where(r => r.StartsWith("insurer:", StringComparison.Ordinal)).Distinct().ToArray();

    /// <summary>The product:&lt;id&gt; regions present.</summary>
    public IReadOnlyList<string> Products { get; } =
        Metrics.Rows.Select(r => r.Region).Where(r => r.StartsWith("product:", StringComparison.Ordinal)).Distinct().ToArray();

    /// <summary>The ids of the supplementary pension products (from the scenario): the product table shows no health split or loss ratio for them.</summary>
    public IReadOnlySet<string> PensionProducts { get; init; } = new HashSet<string>();

    /// <summary>Each product's insurer, by product id (from the scenario), for the report's product table.</summary>
    public IReadOnlyDictionary<string, string> ProductInsurers { get; init; } = new Dictionary<string, string>();
}

/// <summary>One of a run's plots: its file name, what it shows, how it is drawn and how it reads.</summary>
/// <param name="Name">File name without extension (plots/NAME.png and .svg).</param>
/// <param name="Title">The plot's title.</param>
/// <param name="Draw">The plot model, from the run's data.</param>
/// <param name="Reading">A short plain-language reading of the plot, from the same data.</param>
public sealed record PlotDefinition(string Name, string Title, Func<PlotData, PlotModel> Draw, Func<PlotData, string> Reading);

/// <summary>
/// The plots of a run, each a function from the run's data to an OxyPlot model, with a reading in words.
/// Colours are fixed per region (<see cref="RegionStyle"/>) and per series kind, so a reader learns them once.
/// </summary>
public static class RunPlots
{
    internal static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0, 0, 0), OxyColor.FromRgb(213, 94, 0), OxyColor.FromRgb(0, 114, 178), OxyColor.FromRgb(0, 158, 115),
        OxyColor.FromRgb(204, 121, 167), OxyColor.FromRgb(230, 159, 0), OxyColor.FromRgb(86, 180, 233), OxyColor.FromRgb(120, 120, 120),
    ];

    public static IReadOnlyList<PlotDefinition> All { get; } =
    [
        new("coverage_schemes", "Coverage of the schemes", CoverageSchemes, ReadCoverage),
        new("pension_coverage", "Resident basic pension: coverage by region", d => PensionPlots.Coverage(d.Metrics), ReadPensionRegions),
        new("pension_amounts", "Resident basic pension: average monthly amount by region", d => PensionPlots.Amounts(d.Metrics), ReadPensionAmounts),
        new("pension_adequacy", "The resident pension against the minimum and the urban benchmark", PensionAdequacy, ReadAdequacy),
        new("inequality_gini", "Gini coefficient before and after transfers", Gini, ReadGini),
        new("inequality_theil", "Theil index: between and within regions", Theil, ReadTheil),
        new("lorenz", "Lorenz curves, first and last year", LorenzCurves, ReadLorenz),
        new("poverty_health", "Poverty and the burden of medical costs", PovertyHealth, ReadPovertyHealth),
        new("fiscal_flows", "Public spending on rural social security by level of government", FiscalFlows, ReadFiscal),
        new("market_uptake", "Supplementary security: uptake", MarketUptake, ReadMarket),
        new("insurer_loss_ratios", "Insurers: loss ratios of medical top-ups", InsurerLossRatios, ReadInsurers),
        new("product_premiums", "Products: the premium path", ProductPremiums, ReadPremiums),
    ];

    public static PlotModel CoverageSchemes(PlotData d)
    {
        var model = Base("Coverage of the schemes (national)", "Share of the relevant persons (%)", d.Years);
        Add(model, d, "pension_contribution_rate", 100, "Pension: contributing (of 16-59)", 0);
        Add(model, d, "pension_recipient_rate", 100, "Pension: receiving (of 60+)", 1);
        Add(model, d, "medical_enrollment_rate", 100, "Medical insurance: enrolled", 2);
        Add(model, d, "dibao_recipient_rate", 100, "Dibao: receiving", 3);
        Add(model, d, "supplementary_medical_uptake", 100, "Medical top-up: holding", 4);
        Add(model, d, "supplementary_pension_uptake", 100, "Supplementary pension: contributing (of 16-59)", 5);
        model.Axes[1].Minimum = 0;
        model.Axes[1].Maximum = 100;
        return model;
    }

    public static PlotModel PensionAdequacy(PlotData d)
    {
        var model = Base("Monthly pensions: rural resident, central minimum, urban employee", "Yuan per month (nominal, log scale)", d.Years, logY: true);
        Add(model, d, "avg_monthly_pension_yuan", 1, "Average resident pension", 0);
        Add(model, d, "min_basic_pension_yuan", 1, "Central minimum basic pension", 7, LineStyle.Dot);
        var urban = d.Series("avg_monthly_pension_yuan").Zip(d.Series("urban_rural_pension_ratio"), (a, r) => (a.Year, a.Value * r.Value)).ToArray();
        model.Series.Add(Line(urban, 1, "Average urban employee pension", Palette[1], 2.2, LineStyle.Dash));
        return model;
    }

    public static PlotModel Gini(PlotData d)
    {
        var model = Base("Gini coefficient of per-capita income over persons", "Gini coefficient", d.Years);
        Add(model, d, "gini_market", 1, "National, market income", 1, LineStyle.Dash);
        Add(model, d, "gini_post_transfer", 1, "National, disposable income", 0);
        foreach (string region in MetricRegistry.RegionNames.Skip(1))
        {
            model.Series.Add(Line(d.Series("gini_post_transfer", region), 1, $"{RegionStyle.Label(region)}, disposable income",
                RegionStyle.Colour(region), RegionStyle.Thickness(region), LineStyle.Solid));
        }
        return model;
    }

    public static PlotModel Theil(PlotData d)
    {
        var model = Base("Theil T of disposable income: between and within regions", "Theil T", d.Years);
        Add(model, d, "theil_t", 1, "Total", 0);
        Add(model, d, "theil_within_regions", 1, "Within regions", 2, LineStyle.Dash);
        Add(model, d, "theil_between_regions", 1, "Between regions", 1, LineStyle.Dash);
        model.Axes[1].Minimum = 0;
        return model;
    }

    public static PlotModel LorenzCurves(PlotData d)
    {
        var model = new PlotModel { Title = "Lorenz curves of per-capita income over persons (national)", DefaultFont = PlotFiles.Font, Background = OxyColors.White };
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "Population share, poorest first (%)", Minimum = 0, Maximum = 100, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = Grid });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "Income share (%)", Minimum = 0, Maximum = 100, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = Grid });
        model.Legends.Add(Legend(LegendPosition.LeftTop, inside: true));
        var equality = new LineSeries { Title = "Equality", Color = OxyColors.Gray, LineStyle = LineStyle.Dot, StrokeThickness = 1 };
        equality.Points.Add(new DataPoint(0, 0));
        equality.Points.Add(new DataPoint(100, 100));
        model.Series.Add(equality);
        if (d.Years.Count == 0) return model;
        int first = d.Years[0], last = d.Years[^1];
        foreach (var (year, colour) in new[] { (first, Palette[2]), (last, Palette[1]) }.Distinct())
        {
            foreach (var (income, label, style) in new[] { ("market", "market income", LineStyle.Dash), ("post_transfer", "disposable income", LineStyle.Solid) })
            {
                var series = new LineSeries { Title = $"{year}, {label}", Color = colour, LineStyle = style, StrokeThickness = 2.2 };
                foreach (var (p, l) in d.Lorenz.Curve(year, "national", income)) series.Points.Add(new DataPoint(p * 100, l * 100));
                model.Series.Add(series);
            }
        }
        return model;
    }

    public static PlotModel PovertyHealth(PlotData d)
    {
        var model = Base("Poverty and medical costs (national)", "Share (%)", d.Years);
        Add(model, d, "poverty_headcount", 100, "Persons below the poverty line", 0);
        Add(model, d, "poverty_gap", 100, "Poverty gap (% of the line, over all persons)", 0, LineStyle.Dash);
        Add(model, d, "catastrophic_health_rate", 100, "Households with catastrophic medical spending", 1);
        Add(model, d, "impoverished_by_illness_rate", 100, "Persons impoverished by medical costs", 2);
        Add(model, d, "medical_oop_share", 100, "Out-of-pocket share of medical spending", 7, LineStyle.Dot);
        model.Axes[1].Minimum = 0;
        return model;
    }

    public static PlotModel FiscalFlows(PlotData d)
    {
        var model = Base("Public spending on rural social security", $"Billion yuan a year ({Html.MoneyBasis.Short(d.PricesYear)})", d.Years);
        Add(model, d, "central_spending_yuan", 1e-9, "Central government (incl. transfers to counties)", 1);
        Add(model, d, "local_spending_yuan", 1e-9, "Local governments", 2);
        Add(model, d, "local_revenue_yuan", 1e-9, "Local revenue for social security (incl. transfers)", 2, LineStyle.Dash);
        Add(model, d, "pension_contributions_yuan", 1e-9, "Households' pension contributions", 3, LineStyle.Dot);
        Add(model, d, "misappropriated_yuan", 1e-9, "Misappropriated by local governments", 0, LineStyle.Dot);
        model.Axes[1].Minimum = 0;
        return model;
    }

    public static PlotModel MarketUptake(PlotData d)
    {
        var model = Base("Supplementary security: uptake", "Share of the relevant persons (%)", d.Years);
        Add(model, d, "supplementary_medical_uptake", 100, "Medical top-up: all residents", 0);
        Add(model, d, "supplementary_medical_uptake_chronic", 100, "Medical top-up: with a chronic condition", 1, LineStyle.Dash);
        Add(model, d, "supplementary_medical_uptake_healthy", 100, "Medical top-up: without", 2, LineStyle.Dash);
        Add(model, d, "supplementary_medical_uptake_q1", 100, "Medical top-up: poorest fifth", 4, LineStyle.Dot);
        Add(model, d, "supplementary_medical_uptake_q5", 100, "Medical top-up: richest fifth", 6, LineStyle.Dot);
        Add(model, d, "supplementary_pension_uptake", 100, "Supplementary pension (of 16-59)", 5);
        model.Axes[1].Minimum = 0;
        return model;
    }

    public static PlotModel InsurerLossRatios(PlotData d)
    {
        var model = Base("Insurers: loss ratio of medical top-ups (claims / premiums)", "Loss ratio", d.Years);
        var breakEven = new LineSeries { Title = "Claims equal premiums", Color = OxyColors.Gray, LineStyle = LineStyle.Dot, StrokeThickness = 1 };
        if (d.Years.Count > 0)
        {
            breakEven.Points.Add(new DataPoint(d.Years[0], 1));
            breakEven.Points.Add(new DataPoint(d.Years[^1], 1));
        }
        model.Series.Add(breakEven);
        for (int i = 0; i < d.Insurers.Count; i++)
        {
            model.Series.Add(Line(d.Series("insurer_loss_ratio", d.Insurers[i]), 1, d.Insurers[i]["insurer:".Length..], Palette[(i + 1) % Palette.Length], 2.2, LineStyle.Solid));
        }
        model.Axes[1].Minimum = 0;
        return model;
    }

    /// <summary>Each product's premium per policy over the years (solid) and the premium set for next year (dotted).</summary>
    public static PlotModel ProductPremiums(PlotData d)
    {
        var model = Base("Products: premium (or contribution) per policy", $"Yuan a year ({Html.MoneyBasis.Short(d.PricesYear)})", d.Years);
        for (int i = 0; i < d.Products.Count; i++)
        {
            string id = d.Products[i]["product:".Length..];
            var colour = Palette[(i + 1) % Palette.Length];
            model.Series.Add(Line(d.Series("product_average_premium_yuan", d.Products[i]), 1, id, colour, 2.2, LineStyle.Solid));
            model.Series.Add(Line(d.Series("product_next_premium_yuan", d.Products[i]), 1, $"{id}: set for next year (middle age band)", colour, 1.2, LineStyle.Dot));
        }
        model.Axes[1].Minimum = 0;
        return model;
    }

    // Readings: a sentence or two in plain words, from the same data as the plot.

    private static string ReadPremiums(PlotData d)
    {
        if (d.Products.Count == 0) return "No products in this scenario.";
        string each = string.Join("; ", d.Products.Select(p =>
        {
            var sold = d.Series("product_average_premium_yuan", p).Where(x => double.IsFinite(x.Value)).ToArray();
            return sold.Length == 0 ? $"{p["product:".Length..]} sold no policies"
                : $"{p["product:".Length..]} from {Yuan(sold[0].Value)} in {sold[0].Year} to {Yuan(sold[^1].Value)} in {sold[^1].Year}";
        }));
        return $"The premium per policy (households' share and subsidies) of each product: {each}. Rising premiums with falling uptake among the healthy are the mark of a premium spiral.";
    }

    private static string ReadCoverage(PlotData d) =>
        $"The share of working-age adults contributing to the resident pension {Change(d, "pension_contribution_rate", Percent)}, and the share of the 60+ drawing it " +
        $"{Change(d, "pension_recipient_rate", Percent)}. Medical insurance enrolment {Change(d, "medical_enrollment_rate", Percent)}; the share of residents on dibao " +
        $"{Change(d, "dibao_recipient_rate", Percent)}, and the share holding a commercial medical top-up {Change(d, "supplementary_medical_uptake", Percent)}.";

    private static string ReadPensionRegions(PlotData d)
    {
        var (low, high) = Extremes(d, "pension_contribution_rate", d.Years.Count > 0 ? d.Years[^1] : 0);
        return $"Solid lines are the share of 16-59-year-olds contributing, dashed lines the share of the 60+ drawing a pension. In {Last(d)}, contribution was highest in the " +
               $"{high.Region} ({Percent(high.Value)}) and lowest in the {low.Region} ({Percent(low.Value)}).";
    }

    private static string ReadPensionAmounts(PlotData d)
    {
        var (low, high) = Extremes(d, "avg_monthly_pension_yuan", d.Years.Count > 0 ? d.Years[^1] : 0);
        return $"The average pension {Change(d, "avg_monthly_pension_yuan", Yuan)} a month nationally. In {Last(d)} the {high.Region} paid {Yuan(high.Value)} and the {low.Region} {Yuan(low.Value)}: " +
               $"local top-ups, paid from local budgets, make most of the regional gap; the dotted line is the central minimum everyone receives.";
    }

    private static string ReadAdequacy(PlotData d) =>
        $"The average resident pension {Change(d, "avg_monthly_pension_yuan", Yuan)} a month, while the central minimum {Change(d, "min_basic_pension_yuan", Yuan)}. " +
        $"The average urban employee pension relative to the rural average {Change(d, "urban_rural_pension_ratio", Times)} (the scale is logarithmic: equal gaps are equal ratios).";

    private static string ReadGini(PlotData d) =>
        $"Inequality of disposable income (solid black) {Change(d, "gini_post_transfer", Fixed3)}; of market income before transfers (dashed) {Change(d, "gini_market", Fixed3)}. " +
        $"The gap between them is what public transfers and contributions do to inequality: {Change(d, "redistributive_effect", Fixed3)} Gini points.";

    private static string ReadTheil(PlotData d)
    {
        double between = Value(d, "theil_between_regions", Last(d)), total = Value(d, "theil_t", Last(d));
        return $"The Theil index {Change(d, "theil_t", Fixed3)}. It splits exactly into inequality between the four regions' averages and inequality within them; " +
               $"in {Last(d)} the regional gap accounts for {Percent(between / total)} of the total, so most inequality lies within regions.";
    }

    private static string ReadLorenz(PlotData d) =>
        $"Each curve shows the share of income held by the poorest part of the population: the further it sags below the diagonal, the more unequal. " +
        $"The poorest fifth's share of disposable income {Change(d, "income_share_q1", Percent)}, the richest fifth's {Change(d, "income_share_q5", Percent)}.";

    private static string ReadPovertyHealth(PlotData d) =>
        $"The share of residents below the poverty line {Change(d, "poverty_headcount", Percent)}. The share of households with catastrophic medical spending " +
        $"{Change(d, "catastrophic_health_rate", Percent)}, and the share of residents pushed below the line by medical bills {Change(d, "impoverished_by_illness_rate", Percent)}; " +
        $"households' own share of medical costs {Change(d, "medical_oop_share", Percent)}.";

    private static string ReadFiscal(PlotData d) =>
        $"Central spending {Change(d, "central_spending_yuan", Billions)} a year and local spending {Change(d, "local_spending_yuan", Billions)}; their cost as a share of " +
        $"rural market income {Change(d, "fiscal_cost_share_of_income", Percent)}. In {Last(d)}, {Percent(Value(d, "counties_cutting_share", Last(d)))} of counties cut or delayed local benefits for lack of money.";

    private static string ReadMarket(PlotData d) =>
        $"The share of residents holding a medical top-up {Change(d, "supplementary_medical_uptake", Percent)}; among those with a chronic condition it {Change(d, "supplementary_medical_uptake_chronic", Percent)}, " +
        $"among the rest it {Change(d, "supplementary_medical_uptake_healthy", Percent)}: the sick buy more (adverse selection). The share of working-age residents paying into a supplementary pension " +
        $"{Change(d, "supplementary_pension_uptake", Percent)}.";

    private static string ReadInsurers(PlotData d)
    {
        if (d.Insurers.Count == 0) return "No insurers in this scenario.";
        int last = Last(d);
        string each = string.Join("; ", d.Insurers.Select(i =>
        {
            double lr = Value(d, "insurer_loss_ratio", last, i);
            return $"{i["insurer:".Length..]} {(double.IsFinite(lr) ? lr.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "out of the market")}";
        }));
        return $"A loss ratio above 1 means claims exceed premiums; insurers price for about 0.8 and leave counties that keep losing. In {last}: {each}. " +
               "Small runs give noisy insurer results, because every simulated policy stands for thousands of real ones.";
    }

    private static int Last(PlotData d) => d.Years.Count == 0 ? 0 : d.Years[^1];

    internal static double Value(PlotData d, string metric, int year, string region = "national") =>
        d.Series(metric, region).Where(p => p.Year == year).Select(p => p.Value).DefaultIfEmpty(double.NaN).First();

    /// <summary>"went from A in Y0 to B in Y1", or "stayed near A" when the change is small.</summary>
    private static string Change(PlotData d, string metric, Func<double, string> format)
    {
        var series = d.Series(metric).Where(p => double.IsFinite(p.Value)).ToArray();
        if (series.Length == 0) return "was not measured";
        var (y0, v0) = series[0];
        var (y1, v1) = series[^1];
        if (series.Length == 1 || format(v0) == format(v1)) return $"stayed at {format(v1)}";
        return $"went from {format(v0)} in {y0} to {format(v1)} in {y1}";
    }

    private static ((string Region, double Value) Low, (string Region, double Value) High) Extremes(PlotData d, string metric, int year)
    {
        var values = MetricRegistry.RegionNames.Skip(1).Select(r => (Region: RegionStyle.Label(r).ToLowerInvariant(), Value: Value(d, metric, year, r)))
            .Where(v => double.IsFinite(v.Value)).ToArray();
        if (values.Length == 0) return (("none", double.NaN), ("none", double.NaN));
        return (values.MinBy(v => v.Value), values.MaxBy(v => v.Value));
    }

    internal static string Percent(double x) => double.IsFinite(x) ? (100 * x).ToString(Math.Abs(x) < 0.1 ? "0.0" : "0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";

    internal static string Yuan(double x) => double.IsFinite(x) ? x.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " yuan" : "n/a";

    internal static string Billions(double x) => double.IsFinite(x) ? (x / 1e9).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " billion yuan" : "n/a";

    internal static string Times(double x) => double.IsFinite(x) ? x.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " times" : "n/a";

    internal static string Fixed3(double x) => double.IsFinite(x) ? x.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    private static readonly OxyColor Grid = OxyColor.FromRgb(220, 220, 220);

    private static void Add(PlotModel model, PlotData d, string metric, double scale, string title, int colour, LineStyle style = LineStyle.Solid) =>
        model.Series.Add(Line(d.Series(metric), scale, title, Palette[colour], 2.4, style));

    internal static LineSeries Line(IEnumerable<(int Year, double Value)> points, double scale, string title, OxyColor colour, double thickness, LineStyle style)
    {
        var series = new LineSeries { Title = title, Color = colour, StrokeThickness = thickness, LineStyle = style };
        foreach (var (year, value) in points)
        {
            if (double.IsFinite(value)) series.Points.Add(new DataPoint(year, value * scale));
        }
        return series;
    }

    internal static PlotModel Base(string title, string yTitle, IReadOnlyList<int> years, bool logY = false)
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
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = Grid,
        });
        model.Axes.Add(logY
            ? new LogarithmicAxis { Position = AxisPosition.Left, Title = yTitle, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = Grid, MinorGridlineStyle = LineStyle.None }
            : new LinearAxis { Position = AxisPosition.Left, Title = yTitle, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = Grid });
        model.Legends.Add(Legend(LegendPosition.RightTop, inside: false));
        return model;
    }

    private static Legend Legend(LegendPosition position, bool inside) => new()
    {
        LegendPosition = position,
        LegendPlacement = inside ? LegendPlacement.Inside : LegendPlacement.Outside,
        LegendBackground = OxyColor.FromAColor(220, OxyColors.White),
        LegendFontSize = 11,
    };
}
