using System.Globalization;
using System.Net;
using System.Text;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Reports.Html;

/// <summary>
/// The run report's table of products (the insurer's view): for each product in the last year, its
/// premium path, uptake per resident and per household, by national income fifth and by health, its
/// loss ratio and its insurer's capital. Replication 0, as the rest of the run report.
/// </summary>
public static class ProductTable
{
    public static void Append(StringBuilder sb, PlotData d)
    {
        if (d.Products.Count == 0 || d.Years.Count == 0) return;
        int last = d.Years[^1];
        sb.Append("<table class=\"products\">\n<thead><tr><th>product</th><th>insurer</th><th>premium per policy</th><th>set for ").Append(last + 1)
          .Append("</th><th>residents holding</th><th>households holding</th><th>by income fifth (poorest … richest)</th>")
          .Append("<th>chronic / healthy</th><th>loss ratio</th><th>insurer's capital</th></tr></thead>\n<tbody>\n");
        foreach (string product in d.Products)
        {
            string id = product["product:".Length..];
            string insurer = d.ProductInsurers.TryGetValue(id, out var i) ? i : "";
            var sold = d.Series("product_average_premium_yuan", product).Where(x => double.IsFinite(x.Value)).ToArray();
            string path = sold.Length == 0 ? "none sold" : $"{Yuan(sold[0].Value)} ({sold[0].Year}) → {Yuan(sold[^1].Value)} ({sold[^1].Year})";
            // Health and loss ratios are of medical cover: a supplementary pension has neither (its metrics are NaN).
            bool medical = !d.PensionProducts.Contains(id);
            string fifths = string.Join(" · ", Enumerable.Range(1, 5).Select(q => RunPlots.Percent(Value(d, $"product_uptake_q{q}", last, product))));
            sb.Append("<tr><td>").Append(E(id)).Append("</td><td>").Append(E(insurer)).Append("</td><td>").Append(E(path)).Append("</td><td>")
              .Append(E(Yuan(Value(d, "product_next_premium_yuan", last, product)))).Append("</td><td>")
              .Append(E(RunPlots.Percent(Value(d, "product_uptake", last, product)))).Append("</td><td>")
              .Append(E(RunPlots.Percent(Value(d, "product_household_uptake", last, product)))).Append("</td><td>")
              .Append(E(fifths)).Append("</td><td>")
              .Append(E(medical ? $"{RunPlots.Percent(Value(d, "product_uptake_chronic", last, product))} / {RunPlots.Percent(Value(d, "product_uptake_healthy", last, product))}" : NotMedical)).Append("</td><td>")
              .Append(E(medical ? Ratio(Value(d, "insurer_loss_ratio", last, product)) : NotMedical)).Append("</td><td>")
              .Append(E(insurer.Length == 0 ? "n/a" : Millions(Value(d, "insurer_capital_yuan", last, "insurer:" + insurer)))).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n<p class=\"note\">").Append(E($"In {last}. Residents holding: members holding the product (or contributing, for pensions) over all residents; households holding: families with at least one. " +
            "Chronic / healthy: uptake among residents with and without a chronic condition (medical top-ups); a wide gap is adverse selection. Loss ratio: claims over premiums."))
          .Append("</p>\n");
    }

    private const string NotMedical = "(pension)";

    private static double Value(PlotData d, string metric, int year, string scope)
    {
        foreach (var (y, v) in d.Series(metric, scope))
        {
            if (y == year) return v;
        }
        return double.NaN;
    }

    private static string Yuan(double x) => double.IsFinite(x) ? x.ToString("N0", CultureInfo.InvariantCulture) + " yuan" : "n/a";

    private static string Ratio(double x) => double.IsFinite(x) ? x.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Millions(double x) => double.IsFinite(x) ? (x / 1e6).ToString("N0", CultureInfo.InvariantCulture) + " million yuan" : "n/a";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
