using EcosystemSim.Host.Cli;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// A scope given on the command line (compare --scopes, solve --scope, sensitivity --scope), checked
/// in one place: a name metrics.csv's region column can hold, and one this scenario's run writes
/// (a breakdown within a region needs breakdowns by region; an insurer or product must exist).
/// </summary>
public static class ScopeCheck
{
    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="option"/> when the scenario's run has no such scope.</summary>
    public static void Check(string option, string scope, Scenario scenario)
    {
        if (!MetricRegistry.IsScope(scope)) throw new UsageException($"{option}: '{scope}' is not {MetricRegistry.ScopesHelp}");
        if (scope.Contains('/', StringComparison.Ordinal) && scenario.Breakdowns != BreakdownScope.Regions)
        {
            throw new UsageException($"{option}: '{scope}' is a breakdown within a region: add --breakdowns regions");
        }
        Known(option, scope, "insurer:", scenario.Model.Market.Insurers.Select(i => i.Id));
        Known(option, scope, "product:", scenario.Model.Market.Products.Select(p => p.Id));
    }

    private static void Known(string option, string scope, string prefix, IEnumerable<string> ids)
    {
        if (!scope.StartsWith(prefix, StringComparison.Ordinal)) return;
        var known = ids.ToArray();
        if (!known.Contains(scope[prefix.Length..]))
        {
            throw new UsageException($"{option}: this scenario has no {prefix.TrimEnd(':')} '{scope[prefix.Length..]}' ({(known.Length == 0 ? "it has none" : "known: " + string.Join(", ", known))})");
        }
    }

    /// <summary>What a metric's scope must include to be reported in <paramref name="scope"/>; null for no scope.</summary>
    public static MetricScope? Needs(string scope) =>
        scope == "national" ? MetricScope.National
        : MetricRegistry.RegionNames.Contains(scope) ? MetricScope.Regions
        : PersonGroups.All.Any(g => g.Name == scope) || PersonGroups.ByRegion.Any(g => g.Name == scope) ? MetricScope.Groups
        : PersonGroups.DecileNames.Contains(scope) ? MetricScope.Deciles
        : scope.StartsWith("insurer:", StringComparison.Ordinal) && scope.Length > 8 ? MetricScope.Insurer
        : scope.StartsWith("product:", StringComparison.Ordinal) && scope.Length > 8 ? MetricScope.Product
        : null;
}
