using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Tests.Reports;

/// <summary>
/// Metrics read a year's records in place, array by array: the same rows whether the records come as
/// the engine's arrays, as one array, or split otherwise (empty arrays included).
/// </summary>
public class RecordChunksTests
{
    [Fact]
    public void A_chunked_list_hands_out_its_arrays_an_array_itself_and_another_list_one_copy()
    {
        int[] a = [1, 2], b = [], c = [3];
        var chunked = new ChunkedList<int>([a, b, c]);
        Assert.Equal([1, 2, 3], chunked);
        Assert.Same(a, RecordChunks.Of(chunked)[0]);
        Assert.Equal(3, RecordChunks.Of(chunked).Count);
        Assert.Same(a, Assert.Single(RecordChunks.Of<int>(a)));
        Assert.Equal([4, 5], Assert.Single(RecordChunks.Of<int>(new List<int> { 4, 5 })));
    }

    [Fact]
    public async Task Every_metric_and_curve_is_the_same_however_the_years_records_are_split()
    {
        var scenario = ScenarioLoader.Load("baseline").Scenario with { Households = 600, Years = 3, Replications = 1 };
        var years = new List<YearRecords>();
        var observer = new RunObserver { YearDone = y => { lock (years) years.Add(y.Records); } };
        await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(scenario, 1, observer, CancellationToken.None);
        Assert.Equal(3, years.Count);
        foreach (var year in years)
        {
            var all = year.Households.ToArray();
            Assert.True(year.HouseholdChunks.Count > 1, "the engine's records come as one array: the test splits nothing");
            IReadOnlyList<HouseholdYearRecord>[] splits =
            [
                all,
                new ChunkedList<HouseholdYearRecord>([all[..7], [], all[7..^1], [], all[^1..]]),
                new List<HouseholdYearRecord>(all),
            ];
            string expected = Computed(year, year.Households);
            foreach (var split in splits) Assert.Equal(expected, Computed(year, split));
        }
    }

    /// <summary>Every metric (regions' breakdowns included) and Lorenz point of the year, from records as given, as text that tells every double apart.</summary>
    private static string Computed(YearRecords year, IReadOnlyList<HouseholdYearRecord> households)
    {
        var fresh = new YearRecords(year.Year, households, year.Ledgers, year.National, year.Weight) { Insurers = year.Insurers, Parameters = year.Parameters };
        var lorenz = new LorenzTable();
        lorenz.Add(fresh, 0);
        var rows = MetricRegistry.Compute(fresh, 0, byRegion: true).Select(r => $"{r.Region} {r.Metric} {BitConverter.DoubleToInt64Bits(r.Value)}");
        var points = lorenz.Points.Select(p => $"{p.Region} {p.Income} {BitConverter.DoubleToInt64Bits(p.PopulationShare)} {BitConverter.DoubleToInt64Bits(p.IncomeShare)}");
        return string.Join("\n", rows.Concat(points));
    }
}
