using System.Text;

namespace EcosystemSim.Reports.Metrics;

/// <summary>The metric reference (docs/metrics.md), generated from the registry.</summary>
public static class MetricReference
{
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Metric reference\n\n")
          .Append("Generated from `Reports/Metrics/MetricRegistry.cs`; do not edit by hand. ")
          .Append("Regenerate with `ECOSIM_UPDATE_DOCS=1 dotnet test --filter Generated_docs`.\n\n")
          .Append("Each metric appears in `metrics.csv` once per replication, year and region (`national`, `east`, `central`, `west`, `northeast`). ")
          .Append("Rates are fractions of persons in [0, 1]; counts of persons and amounts of money are weighted up to the real rural population ")
          .Append("(each simulated person stands for `weight` real ones, see `manifest.json`); money is nominal yuan, or yuan at constant prices of a year under `--prices YEAR` (`prices` in `manifest.json`). ")
          .Append("A rate whose denominator is empty is `NaN`.\n\n")
          .Append("## Equivalence scale\n\n")
          .Append("Where a meaning below says *per-capita* income for a distribution (poverty and relative poverty, Gini, Theil, Atkinson, Palma, the median, quintiles and deciles, ")
          .Append("the Lorenz curves and the poverty and impoverishment flags), it is income per equivalent adult under the scenario's `welfare.equivalence_scale`: ")
          .Append("`per_capita` by default (income over members, NBS), or `oecd_modified` (1 for the first adult, 0.5 for each further member aged 14 or over, ")
          .Append("0.3 for each child under 14) or `square_root` (over the square root of household size). Every resident of a household has its equivalised income, ")
          .Append("and distributions are over persons. Means (`mean_income_per_capita_yuan` and the like) stay per capita, totals over residents, whatever the scale. ")
          .Append("The absolute poverty line is compared with equivalised income as it stands, so under the two alternative scales it catches fewer residents of large households; ")
          .Append("relative lines move with the median.\n\n")
          .Append("## Breakdowns\n\n")
          .Append("Person-based metrics (marked *breakdowns* below) also appear, nationally, for these groups of residents, in the same `region` column. ")
          .Append("Every member of a household shares its per-capita income, so a group's measure weighs each household by its members in the group; ")
          .Append("the age bands are fixed ages, whatever the scheme's entry and pension ages, and every resident is in exactly one of them, ")
          .Append("so a share of residents (a rate or a poverty measure) over the three bands, weighted by their `population`, gives the national figure. ")
          .Append("Relative poverty lines are shares of the national median in every scope. ")
          .Append("With `breakdowns: regions` in the scenario (or `--breakdowns regions`), each breakdown also appears within each region as `REGION/BREAKDOWN` ")
          .Append("(`west/age:60+`, `east/household:dibao`, ...): the same members, counted in that region's households only; the four regions' populations add up to the breakdown's.\n\n")
          .Append("| scope | residents |\n|---|---|\n");
        foreach (var g in PersonGroups.All) sb.Append("| `").Append(g.Name).Append("` | ").Append(g.Description).Append(" |\n");
        sb.Append("| `decile:1` ... `decile:10` | residents of the households in each tenth by per-capita disposable income (decile:1 poorest): whole households, ")
          .Append("each in the tenth that holds the midpoint of its persons; each run ranks its own households, so a comparison of a decile is of the poorest tenth under each policy. ")
          .Append("Metrics of sums only (marked *deciles*) |\n");
        sb.Append("\n## Metrics\n\n| metric | unit | meaning |\n|---|---|---|\n");
        foreach (var m in MetricRegistry.All)
        {
            string breakdowns = (m.Scope & MetricScope.Deciles) != 0 ? " (*breakdowns*, *deciles*)" : (m.Scope & MetricScope.Groups) != 0 ? " (*breakdowns*)" : "";
            sb.Append("| `").Append(m.Name).Append("` | ").Append(m.Unit).Append(" | ").Append(m.Description).Append(breakdowns).Append(" |\n");
        }
        return sb.ToString();
    }
}
