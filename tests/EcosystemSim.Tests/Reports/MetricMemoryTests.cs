using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model;
using EcosystemSim.Model.Welfare;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Tests.Reports;

/// <summary>
/// A year's distributions built in metric memory handed on from an earlier year's
/// (<see cref="MetricMemory"/>) are, to the bit, those built in new arrays and those the public
/// constructor builds from the same observations; the memory is refilled, not replaced; and what
/// the earlier year built there throws when read rather than show the later year's figures.
/// </summary>
public class MetricMemoryTests
{
    [Fact]
    public async Task A_year_built_in_memory_an_earlier_year_handed_on_is_to_the_bit_the_year_built_in_new_arrays()
    {
        var years = await YearsAsync();
        var memory = new MetricMemory();
        var first = new YearDistributions(years[0].HouseholdChunks, EquivalenceScale.PerCapita, memory);
        string firstFresh = Fingerprint(new YearDistributions(years[0].HouseholdChunks));
        Assert.Equal(firstFresh, Fingerprint(first));
        var firstPositions = first.Disposable.SortedInputPositions;
        var firstDisposable = first.Disposable;
        var firstEast = first.For(Region.East, market: false);
        var firstBreakdown = first.ForGroup(PersonGroups.All[1], market: true);
        Assert.True(memory.InUse);
        Assert.Throws<InvalidOperationException>(() => new YearDistributions(years[1].HouseholdChunks, EquivalenceScale.PerCapita, memory));

        first.Release();
        Assert.False(memory.InUse);
        Assert.Throws<InvalidOperationException>(() => firstDisposable.Gini());
        Assert.Throws<InvalidOperationException>(() => firstEast.Median());
        Assert.Throws<InvalidOperationException>(() => firstBreakdown.TotalWeight);
        Assert.Throws<InvalidOperationException>(() => first.Deciles().Length);
        Assert.Throws<InvalidOperationException>(() => first.For(Region.West, market: true));

        foreach (var year in years.Skip(1))
        {
            var reused = new YearDistributions(year.HouseholdChunks, EquivalenceScale.PerCapita, memory);
            Assert.Equal(Fingerprint(new YearDistributions(year.HouseholdChunks)), Fingerprint(reused));
            Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(firstPositions), ref MemoryMarshal.GetReference(reused.Disposable.SortedInputPositions)),
                "the national distribution was not built in the arrays of the year before");
            reused.Release();
        }
        // The first year again, in memory the later ones used, as the first time.
        Assert.Equal(firstFresh, Fingerprint(new YearDistributions(years[0].HouseholdChunks, EquivalenceScale.PerCapita, memory)));
    }

    [Fact]
    public async Task The_distributions_of_the_records_are_those_the_public_constructor_builds_from_the_same_observations()
    {
        var year = (await YearsAsync())[^1];
        var observations = year.HouseholdChunks.SelectMany(c => c).Where(r => r.Members > 0)
            .Select(r => (Size: EquivalenceScales.Size(EquivalenceScale.PerCapita, r.Members, r.AgedUnder14), Record: r)).ToArray();
        var disposable = new IncomeDistribution([.. observations.Select(o => (YearDistributions.Equivalised(o.Record.DisposableIncomeFen, o.Size), (double)o.Record.Members, (int)o.Record.Region))]);
        var market = new IncomeDistribution([.. observations.Select(o => (YearDistributions.Equivalised(o.Record.MarketIncomeFen, o.Size), (double)o.Record.Members, (int)o.Record.Region))]);

        var built = new YearDistributions(year.HouseholdChunks, EquivalenceScale.PerCapita, new MetricMemory());
        Assert.Equal(Measures(disposable), Measures(built.Disposable));
        Assert.Equal(Measures(market), Measures(built.Market));
        Assert.Equal(disposable.SortedInputPositions.ToArray(), built.Disposable.SortedInputPositions.ToArray());
        foreach (var region in Regions.All)
        {
            Assert.Equal(Measures(disposable.Subset((int)region)), Measures(built.For(region, market: false)));
            Assert.Equal(Measures(market.Subset((int)region)), Measures(built.For(region, market: true)));
        }
        var group = PersonGroups.All[2];
        Assert.Equal(Measures(disposable.Reweighted(built.GroupMembers(group))), Measures(built.ForGroup(group, market: false)));
    }

    [Fact]
    public async Task In_reused_memory_a_region_or_breakdown_asked_for_again_is_built_again_and_the_one_before_can_no_longer_be_read()
    {
        var year = (await YearsAsync())[^1];
        var fresh = new YearDistributions(year.HouseholdChunks);
        var reused = new YearDistributions(year.HouseholdChunks, EquivalenceScale.PerCapita, new MetricMemory());

        var east = reused.For(Region.East, market: true);
        string eastMeasures = Measures(east);
        Assert.Same(east, reused.For(Region.East, market: true));
        Assert.Equal(Measures(fresh.For(Region.West, market: true)), Measures(reused.For(Region.West, market: true)));
        Assert.Throws<InvalidOperationException>(() => east.Gini());
        Assert.Equal(eastMeasures, Measures(reused.For(Region.East, market: true)));

        var children = reused.ForGroup(PersonGroups.All[0], market: false);
        reused.ForGroup(PersonGroups.All[5], market: false);
        Assert.Throws<InvalidOperationException>(() => children.Palma());

        // In new arrays what was built before stays readable.
        var freshEast = fresh.For(Region.East, market: true);
        fresh.For(Region.Central, market: true);
        Assert.Equal(eastMeasures, Measures(freshEast));
    }

    private static async Task<List<YearRecords>> YearsAsync()
    {
        var scenario = ScenarioLoader.Load("baseline").Scenario with { Households = 700, Years = 3, Replications = 1 };
        var years = new List<YearRecords>();
        var observer = new RunObserver { YearDone = y => { lock (years) years.Add(y.Records); } };
        await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(scenario, 1, observer, CancellationToken.None);
        return [.. years.OrderBy(y => y.Year)];
    }

    /// <summary>Every distribution, count and tile of a year, as text that tells every double apart.</summary>
    private static string Fingerprint(YearDistributions year)
    {
        var parts = new List<string> { Measures(year.Disposable), Measures(year.Market), string.Join(',', year.Deciles().ToArray()), string.Join(',', year.Quintiles().ToArray()) };
        foreach (Region? region in Regions.All.Select(r => (Region?)r).Prepend(null))
        {
            parts.Add(Measures(year.For(region, market: false)));
            parts.Add(Measures(year.For(region, market: true)));
            foreach (var count in Enum.GetValues<QuintileCount>())
            {
                parts.AddRange(Enumerable.Range(1, 5).Select(q => BitConverter.DoubleToInt64Bits(year.QuintileSum(region, q, count)).ToString()));
            }
        }
        foreach (var group in PersonGroups.All.Concat(PersonGroups.ByRegion))
        {
            parts.Add(string.Join(',', year.GroupMembers(group).ToArray()));
            parts.Add(Measures(year.ForGroup(group, market: false)));
            parts.Add(Measures(year.ForGroup(group, market: true)));
        }
        return string.Join('\n', parts);
    }

    /// <summary>Every measure of a distribution and its order, as text that tells every double apart.</summary>
    private static string Measures(IncomeDistribution d)
    {
        double[] measures =
        [
            d.Count, d.TotalWeight, d.TotalIncome, d.Mean, d.Gini(), d.TheilT(), d.TheilDecomposition().Between, d.TheilDecomposition().Within, d.Median(),
            d.Atkinson(0.5), d.Atkinson(1), d.Atkinson(2), d.Lorenz(0.37), d.Palma(), d.Fgt(3000, 0), d.Fgt(3000, 1), d.Fgt(3000, 2), d.ObservationQuintileMean(1),
            d.ObservationQuintileMean(5), d.QuintileShare(3),
        ];
        return string.Join(' ', measures.Select(m => BitConverter.DoubleToInt64Bits(m).ToString())) + " | " + string.Join(',', d.SortedInputPositions.ToArray()) +
            " | " + string.Join(',', d.SortedWeights.ToArray());
    }
}
