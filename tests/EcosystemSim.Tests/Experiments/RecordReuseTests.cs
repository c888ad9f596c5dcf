using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Tests.Experiments;

/// <summary>
/// The in-process engine writes a year's records into the arrays of a year whose metrics are done
/// once the run's observer allows it (<see cref="RunObserver.ReuseRecordMemory"/>): the year before
/// last when metrics run beside the next year, the year before when they run in line. The records,
/// metrics and dumps are those of fresh arrays; every year's metrics are built in the run's one
/// metric memory (<see cref="MetricMemory"/>), handed on once the observer has heard of the year. A caller that keeps every year's records (the
/// default) keeps them unchanged.
/// </summary>
public class RecordReuseTests
{
    private const int Years = 5;

    [Fact]
    public async Task With_reuse_the_year_after_next_takes_the_same_arrays_and_every_record_and_metric_is_as_with_fresh_ones()
    {
        var fresh = await RunAsync(reuse: false);
        var reused = await RunAsync(reuse: true);

        Assert.Equal(fresh.Dumps, reused.Dumps);
        Assert.Equal(fresh.Metrics, reused.Metrics);
        for (int y = 2; y < Years; y++)
        {
            Assert.True(reused.Arrays[y].Zip(reused.Arrays[y - 2]).All(p => ReferenceEquals(p.First, p.Second)), $"year {y} did not reuse year {y - 2}'s arrays");
            Assert.True(reused.Arrays[y].All(a => reused.Arrays[y - 1].All(b => !ReferenceEquals(a, b))), $"year {y} wrote into the arrays of the year before, still being read");
        }
        // One metric memory, each year's metrics in it after the year before's, even while the engine steps the next year.
        Assert.All(reused.Memory, m => Assert.Same(Assert.IsType<MetricMemory>(reused.Memory[0]), m));
        Assert.False(reused.Memory[0]!.InUse);
        Assert.All(fresh.Memory, Assert.Null);
        // A year's distributions are read only while the observer hears of the year.
        Assert.Throws<InvalidOperationException>(() => reused.Records[0].Distributions.Disposable.Gini());
        Assert.Throws<InvalidOperationException>(() => reused.Records[^1].Distributions.Disposable.Gini());
        Assert.True(fresh.Records[0].Distributions.Disposable.Gini() > 0);
    }

    [Fact]
    public async Task With_metrics_in_line_the_next_year_takes_the_same_arrays_and_every_record_and_metric_is_as_with_fresh_ones()
    {
        var fresh = await RunAsync(reuse: false, overlap: false);
        var reused = await RunAsync(reuse: true, overlap: false);

        Assert.Equal(fresh.Dumps, reused.Dumps);
        Assert.Equal(fresh.Metrics, reused.Metrics);
        for (int y = 1; y < Years; y++)
        {
            Assert.True(reused.Arrays[y].Zip(reused.Arrays[y - 1]).All(p => ReferenceEquals(p.First, p.Second)), $"year {y} did not reuse year {y - 1}'s arrays");
        }
        Assert.All(reused.Memory, m => Assert.Same(Assert.IsType<MetricMemory>(reused.Memory[0]), m));
    }

    [Fact]
    public async Task Without_reuse_every_year_has_its_own_arrays_and_records_kept_by_the_caller_stay_as_they_were()
    {
        var years = new List<(YearRecords Records, double PriceLevel, string Dump)>();
        var observer = new RunObserver { YearDone = y => { lock (years) years.Add((y.Records, y.PriceLevel, Dump(y))); } };
        await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(Scenario(), 1, observer, CancellationToken.None);

        Assert.Equal(Years, years.Count);
        var arrays = years.SelectMany(y => y.Records.HouseholdChunks).ToArray();
        Assert.Equal(arrays.Length, arrays.Distinct(ReferenceEqualityComparer.Instance).Count());
        foreach (var (records, priceLevel, dump) in years) Assert.Equal(dump, $"{records.Year} " + HouseholdsText(records, priceLevel));
    }

    private static Scenario Scenario() =>
        ScenarioLoader.Load("baseline").Scenario with { Households = 600, Years = Years, Replications = 1 };

    private static async Task<(List<string> Dumps, List<string> Metrics, List<HouseholdYearRecord[][]> Arrays, List<MetricMemory?> Memory, List<YearRecords> Records)>
        RunAsync(bool reuse, bool overlap = true)
    {
        var dumps = new List<string>();
        var arrays = new List<HouseholdYearRecord[][]>();
        var records = new List<YearRecords>();
        var observer = new RunObserver
        {
            ReuseRecordMemory = reuse,
            OverlapMetrics = overlap,
            YearDone = y =>
            {
                lock (dumps)
                {
                    dumps.Add(Dump(y));
                    arrays.Add(y.Records.HouseholdChunks.ToArray());
                    records.Add(y.Records);
                }
            },
        };
        var result = await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(Scenario(), 1, observer, CancellationToken.None);
        var metrics = result.Metrics.Single().Rows.Select(r => $"{r.Year} {r.Region} {r.Metric} {BitConverter.DoubleToInt64Bits(r.Value)}").ToList();
        return (dumps, metrics, arrays, [.. records.Select(r => r.Memory)], records);
    }

    /// <summary>The year and every household's record as the household dump writes it.</summary>
    private static string Dump(YearDone done) => $"{done.Records.Year} " + HouseholdsText(done.Records, done.PriceLevel);

    private static string HouseholdsText(YearRecords year, double priceLevel)
    {
        using var writer = new StringWriter();
        HouseholdsCsv.Write(year, writer, priceLevel);
        return writer.ToString();
    }
}
