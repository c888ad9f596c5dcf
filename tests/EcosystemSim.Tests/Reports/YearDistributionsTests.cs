using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Tests.Reports;

/// <summary>
/// A year's distributions keep only the breakdown asked for last (its members and reweighted
/// distributions); a breakdown asked for again is computed again, to the same bits, in any order.
/// </summary>
public class YearDistributionsTests
{
    [Fact]
    public async Task A_breakdown_is_kept_while_it_is_asked_for_and_computed_again_to_the_same_bits_after_another()
    {
        var scenario = ScenarioLoader.Load("baseline").Scenario with { Households = 800, Years = 2, Replications = 1 };
        YearRecords? last = null;
        var observer = new RunObserver { YearDone = y => last = y.Records };
        await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(scenario, 1, observer, CancellationToken.None);
        var year = Assert.IsType<YearRecords>(last);
        var groups = PersonGroups.All.Concat(PersonGroups.ByRegion).ToArray();

        var forwards = groups.Select(g => Fingerprint(year.Distributions, g)).ToArray();
        var backwards = groups.Reverse().Select(g => Fingerprint(year.Distributions, g)).Reverse().ToArray();
        Assert.Equal(forwards, backwards);

        var first = groups[0];
        var kept = year.Distributions.ForGroup(first, market: false);
        Assert.Same(kept, year.Distributions.ForGroup(first, market: false));
        Assert.True(year.Distributions.GroupMembers(first) == year.Distributions.GroupMembers(first), "the members were computed again");
        year.Distributions.ForGroup(groups[1], market: true);
        Assert.NotSame(kept, year.Distributions.ForGroup(first, market: false));
    }

    /// <summary>Every measure of a breakdown's two distributions and its members, as text that tells every double apart.</summary>
    private static string Fingerprint(YearDistributions distributions, PersonGroup group)
    {
        var parts = new List<string> { group.Name, distributions.GroupMembers(group).ToArray().Sum().ToString() };
        foreach (bool market in new[] { false, true })
        {
            var d = distributions.ForGroup(group, market);
            double[] measures = [d.Count, d.TotalWeight, d.TotalIncome, d.Gini(), d.TheilT(), d.Median(), d.Atkinson(1), d.Palma(), d.Fgt(3000, 1)];
            parts.AddRange(measures.Select(m => BitConverter.DoubleToInt64Bits(m).ToString()));
        }
        return string.Join(' ', parts);
    }
}
