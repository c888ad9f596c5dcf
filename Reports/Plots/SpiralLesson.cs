using OxyPlot;
using static EcosystemSim.Reports.Plots.LessonPlots;

namespace EcosystemSim.Reports.Plots;

/// <summary>
/// The premium spiral: the premium of the medical top-up (left axis); the share of residents holding
/// it, the share of its holders with a chronic condition and its loss ratio (right axis). The loss
/// ratio is drawn only for years with a pool of at least <see cref="LessonPlots.MinimumPoolPolicies"/>
/// simulated policies.
/// </summary>
internal static class SpiralLesson
{
    /// <summary>The scenario's first medical top-up (product:&lt;id&gt;), or null.</summary>
    private static string? Product(PlotData d) => d.Products.FirstOrDefault(p => !d.PensionProducts.Contains(p["product:".Length..]));

    /// <summary>The loss ratio in the years its pool was large enough to mean something.</summary>
    internal static (int Year, double Value)[] ReadableLossRatio(PlotData d, string product)
    {
        var policies = d.Series("product_policies", product).ToDictionary(p => p.Year, p => p.Value);
        return Finite(d.Series("insurer_loss_ratio", product))
            .Where(p => d.Weight <= 0 || policies.GetValueOrDefault(p.Year) / d.Weight >= MinimumPoolPolicies - 1e-6).ToArray();
    }

    public static PlotModel Draw(PlotData d)
    {
        var model = TwoAxes("The premium spiral: price, holders and claims over premiums",
            $"Premium, yuan a year ({Html.MoneyBasis.Short(d.PricesYear)})", "Share (%) and loss ratio (claims as % of premiums)", d.Years);
        model.Axes[1].Minimum = 0;
        if (Product(d) is not { } product) return model;
        string id = product["product:".Length..];
        model.Series.Add(Left(d.Series("product_average_premium_yuan", product), 1, $"Premium of {id} (left axis)", 1));
        model.Series.Add(Right(d.Series("product_uptake", product), 100, "Residents holding it (%)", 2));
        model.Series.Add(Right(d.Series("product_holders_chronic_share", product), 100, "Holders with a chronic condition (%)", 3));
        model.Series.Add(Right(ReadableLossRatio(d, product), 100, $"Loss ratio (%), pools of {MinimumPoolPolicies}+ simulated policies", 0, LineStyle.Dash));
        if (d.Years.Count > 0) model.Series.Add(Right([(d.Years[0], 1), (d.Years[^1], 1)], 100, "Claims equal premiums", 7, LineStyle.Dot));
        return model;
    }

    public static string Read(PlotData d)
    {
        if (Product(d) is not { } product) return "This scenario sells no medical top-up, so there is no premium spiral to show.";
        string id = product["product:".Length..];
        var premium = Finite(d.Series("product_average_premium_yuan", product));
        if (premium.Length == 0) return $"Nobody bought {id}, so there is no premium spiral to show.";
        var (y0, p0) = premium[0];
        var (y1, p1) = premium[^1];
        int last = d.Years[^1];
        string gone = y1 < last ? $" (from {y1 + 1} nobody held it)" : "";
        string first = $"The premium of {id} {Moved(p0, p1, RunPlots.Yuan)} from {RunPlots.Yuan(p0)} in {y0} to {RunPlots.Yuan(p1)} in {y1}, while the share of residents holding it " +
                       $"{FromTo(RunPlots.Value(d, "product_uptake", y0, product), RunPlots.Value(d, "product_uptake", y1, product), RunPlots.Percent)}{gone}.";
        double h0 = RunPlots.Value(d, "product_uptake_healthy", y0, product), h1 = RunPlots.Value(d, "product_uptake_healthy", y1, product);
        // The healthy leaving shows as their uptake falling by more than a quarter; otherwise the mix moves with the population's health.
        string mix = h1 < 0.75 * h0 ? "the healthy left first, so the pool grew sicker" : "the healthy stayed in, so the pool kept a broad mix";
        string second = $"Among its holders, the share with a chronic condition {FromTo(RunPlots.Value(d, "product_holders_chronic_share", y0, product), RunPlots.Value(d, "product_holders_chronic_share", y1, product), RunPlots.Percent)}, " +
                        $"while uptake among residents without one {FromTo(h0, h1, RunPlots.Percent)}: {mix}.";
        return $"{first} {second} {LossRatioSentence(d, product, last)}";
    }

    /// <summary>Claims per holder in a year: the product's claims over its policies.</summary>
    internal static double ClaimsPerHolder(PlotData d, string product, int year) =>
        RunPlots.Value(d, "supplementary_claims_yuan", year, product) / RunPlots.Value(d, "product_policies", year, product);

    private static string LossRatioSentence(PlotData d, string product, int last)
    {
        var readable = ReadableLossRatio(d, product);
        if (readable.Length == 0) return $"No year had the {MinimumPoolPolicies} simulated policies a loss ratio needs to mean anything, so none is shown.";
        var (ya, la) = readable[0];
        var (yb, lb) = readable[^1];
        string cut = yb < last ? $" (the last year with at least {MinimumPoolPolicies} simulated policies; after it the pool is too small for the ratio to mean anything)" : "";
        return $"The loss ratio (claims over premiums) was {Fixed2(la)} in {ya} and {Fixed2(lb)} in {yb}{cut}, while claims per holder " +
               $"{FromTo(ClaimsPerHolder(d, product, ya), ClaimsPerHolder(d, product, yb), RunPlots.Yuan)}: each year's claims set the next year's price, so the premium follows the pool's health.";
    }
}
