using EcosystemSim.Reports.Html;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Tests.Reports;

/// <summary>The "why" of a comparison's reading (issue 17, item 4): the channels of the rule that moved.</summary>
public class MechanismsTests
{
    /// <summary>Five paired replications over 2021-2022; the reform adds the given shift to each metric (with a little noise).</summary>
    private static ComparisonData Data(params (string Metric, double Baseline, double Shift)[] metrics)
    {
        MetricsTable Run(int replication, bool reform)
        {
            var table = new MetricsTable();
            foreach (int year in new[] { 2021, 2022 })
            {
                foreach (var (metric, level, shift) in metrics)
                {
                    double noise = 0.001 * ((replication * 7 + year) % 5 - 2);
                    table.AddRange([new MetricRow(replication, year, "national", metric, level + noise + (reform && year == 2022 ? shift + noise : 0))]);
                }
            }
            return table;
        }
        var baseline = Enumerable.Range(0, 5).Select(r => Run(r, false)).ToArray();
        var reform = Enumerable.Range(0, 5).Select(r => Run(r, true)).ToArray();
        return new ComparisonData("baseline", [("baseline", SummaryTable.Of(baseline)), ("reform", SummaryTable.Of(reform))],
            ComparisonTable.Of(baseline, [("reform", reform)]));
    }

    [Fact]
    public void A_clear_change_in_contributions_names_the_channels_that_moved_with_it_and_those_that_did_not()
    {
        var data = Data(("pension_contribution_rate", 0.7, -0.05), ("avg_trust", 0.68, -0.02), ("avg_awareness", 0.72, 0),
            ("counties_cutting_share", 0.01, 0.2), ("scandal_counties", 0.0, 0));
        string why = Assert.IsType<string>(Mechanisms.Trace(data, "reform", "pension_contribution_rate", "national", 2022));
        Assert.Contains("not the size of the pension", why);
        Assert.Contains("trust −0.020", why);
        Assert.Contains("counties cutting benefits +20.0 points", why);
        Assert.Contains("awareness, counties with a scandal: no clear difference", why);
    }

    [Fact]
    public void No_trace_when_the_outcome_did_not_move_clearly_or_is_set_by_a_rule()
    {
        var data = Data(("pension_contribution_rate", 0.7, 0), ("avg_trust", 0.68, -0.02), ("avg_monthly_pension_yuan", 190, 50));
        Assert.Null(Mechanisms.Trace(data, "reform", "pension_contribution_rate", "national", 2022));
        Assert.Null(Mechanisms.Trace(data, "reform", "avg_monthly_pension_yuan", "national", 2022));
    }

    [Fact]
    public void Trust_a_stock_reads_its_channels_over_the_years_up_to_the_one_traced()
    {
        var data = Data(("avg_trust", 0.68, -0.03), ("counties_cutting_share", 0.01, 0.3), ("scandal_counties", 0, 0),
            ("uncovered_admission_share", 0.02, 0), ("pension_recipient_rate", 0.98, 0));
        string why = Assert.IsType<string>(Mechanisms.Trace(data, "reform", "avg_trust", "national", 2022));
        Assert.Contains("counties cutting benefits +15.0 points a year on average over 2021-2022 (clear in 1 of 2 years)", why);
    }

    [Fact]
    public void Every_traced_outcome_and_channel_is_a_metric()
    {
        var names = MetricRegistry.All.Select(m => m.Name).ToHashSet();
        Assert.All(Mechanisms.Outcomes, o =>
        {
            Assert.Contains(o.Metric, names);
            Assert.All(o.Channels, c => Assert.Contains(c.Metric, names));
        });
    }
}
