using EcosystemSim.Reports.Metrics;

namespace EcosystemSim.Tests.Reports;

/// <summary>A metrics table's series (what the plots read): in row order, of one metric, region and replication, and current after rows are added.</summary>
public class MetricsSeriesTests
{
    [Fact]
    public void A_series_is_its_rows_in_order_and_follows_rows_added_after_it_was_read()
    {
        var table = new MetricsTable();
        table.AddRange([new(0, 2021, "national", "gini", 0.40), new(0, 2021, "east", "gini", 0.30), new(1, 2021, "national", "gini", 0.41),
            new(0, 2022, "national", "gini", 0.42), new(0, 2021, "national", "theil", 0.2)]);
        Assert.Equal([(2021, 0.40), (2022, 0.42)], table.Series("gini", "national"));
        Assert.Equal([(2021, 0.41)], table.Series("gini", "national", replication: 1));
        Assert.Empty(table.Series("gini", "west"));
        table.AddRange([new(0, 2023, "national", "gini", 0.43)]);
        Assert.Equal([(2021, 0.40), (2022, 0.42), (2023, 0.43)], table.Series("gini", "national"));
    }

    [Fact]
    public void Series_read_on_several_threads_at_once_are_those_read_on_one()
    {
        var table = new MetricsTable();
        table.AddRange(Enumerable.Range(0, 20_000).Select(i => new MetricRow(0, 2000 + i / 100, $"region{i % 7}", $"metric{i % 13}", i)));
        var expected = Enumerable.Range(0, 91).Select(k => table.Series($"metric{k % 13}", $"region{k % 7}").ToArray()).ToArray();
        var fresh = new MetricsTable();
        fresh.AddRange(table.Rows);
        var together = new (int, double)[91][];
        Parallel.For(0, 91, k => together[k] = fresh.Series($"metric{k % 13}", $"region{k % 7}").ToArray());
        for (int k = 0; k < 91; k++) Assert.Equal(expected[k], together[k]);
        Assert.All(expected, s => Assert.NotEmpty(s));
    }
}
