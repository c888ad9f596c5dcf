using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// What the comparison report puts first (`compare --metrics M,... --scopes S,...`): its table of
/// differences and its levels and differences plots are of these metrics in these scopes; by
/// default the headline metrics nationally.
/// </summary>
public sealed record ReportFocus(IReadOnlyList<Headline> Headlines)
{
    /// <summary>The default: the headline metrics, national.</summary>
    public static ReportFocus Default { get; } = new(ComparisonPlots.Headlines());

    /// <summary>Most metric-and-scope pairs a report shows: each is two plots.</summary>
    public const int MaxHeadlines = 60;

    /// <summary>The focus the options ask for; an unknown metric or scope, or too many of them, is bad input.</summary>
    public static ReportFocus Parse(string? metrics, string? scopes, EcosystemSim.Scenarios.Scenario scenario)
    {
        var chosenMetrics = Split(metrics);
        var chosenScopes = Split(scopes);
        foreach (string metric in chosenMetrics)
        {
            if (!MetricRegistry.All.Any(m => m.Name == metric))
                throw new UsageException($"--metrics: unknown metric '{metric}' (docs/metrics.md lists them)");
        }
        foreach (string scope in chosenScopes)
        {
            ScopeCheck.Check("--scopes", scope, scenario);
        }
        var headlines = ComparisonPlots.Headlines(chosenMetrics, chosenScopes);
        if (headlines.Count > MaxHeadlines)
            throw new UsageException($"--metrics: {headlines.Count} metric and scope pairs is more than a report can show ({MaxHeadlines}); choose fewer metrics or scopes");
        return new ReportFocus(headlines);
    }

    private static string[] Split(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
}
