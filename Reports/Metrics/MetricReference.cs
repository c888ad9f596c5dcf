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
          .Append("(each simulated person stands for `weight` real ones, see `manifest.json`); money is nominal yuan. ")
          .Append("A rate whose denominator is empty is `NaN`.\n\n")
          .Append("| metric | unit | meaning |\n|---|---|---|\n");
        foreach (var m in MetricRegistry.All)
        {
            sb.Append("| `").Append(m.Name).Append("` | ").Append(m.Unit).Append(" | ").Append(m.Description).Append(" |\n");
        }
        return sb.ToString();
    }
}
