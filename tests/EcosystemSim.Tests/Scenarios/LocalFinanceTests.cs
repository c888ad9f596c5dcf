using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// County budgets in the baseline over thirty years, read from the counties' ledgers: reserves stay
/// within the cap, what counties hand up is what their provinces pay out or release, and shortfalls
/// are covered before counties cut (issue 16).
/// </summary>
public class LocalFinanceTests
{
    private static async Task<List<YearRecords>> BaselineYears(int households)
    {
        var scenario = ScenarioLoader.Load("baseline").Scenario with { Households = households, Replications = 1 };
        var years = new List<YearRecords>();
        var observer = new RunObserver { YearDone = y => { lock (years) years.Add(y.Records); } };
        await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(scenario, 1, observer, CancellationToken.None);
        return [.. years.OrderBy(y => y.Year)];
    }

    [Fact]
    public async Task In_the_baseline_no_county_keeps_more_than_its_cap_and_the_provinces_pass_on_what_counties_hand_up()
    {
        var years = await BaselineYears(3000);
        Assert.Equal(30, years.Count);
        foreach (var year in years)
        {
            var lg = year.Parameters!.LocalGovernment;
            foreach (var ledger in year.Ledgers)
            {
                Assert.True(ledger.ReserveFen <= ProvincialRules.ReserveCapFen(lg, ledger.LocalSpendingFen),
                    $"county {ledger.CountyId} in {year.Year}: reserve {ledger.ReserveFen} over the cap on spending {ledger.LocalSpendingFen}");
            }
        }
        for (int t = 1; t < years.Count; t++)
        {
            var (last, now) = (years[t - 1], years[t]);
            foreach (var region in Regions.All)
            {
                long handedUp = last.Ledgers.Where(l => l.Region == region).Sum(l => l.SurplusHandedUpFen);
                long paid = now.Ledgers.Where(l => l.Region == region).Sum(l => l.PooledCoverFen);
                Assert.InRange(paid, 0, handedUp); // a province pays out of its pool no more than its counties handed up
            }
            // Money is conserved: what counties handed up last year, their provinces paid to counties this year or released.
            Assert.Equal(last.Ledgers.Sum(l => l.SurplusHandedUpFen), now.Ledgers.Sum(l => l.PooledCoverFen) + now.National.PoolReleasedFen);
        }
        // The rules are at work, not idle: counties hand surpluses up, and shortfalls are covered from pools and from above.
        Assert.Contains(years, y => y.Ledgers.Any(l => l.SurplusHandedUpFen > 0));
        Assert.Contains(years, y => y.Ledgers.Any(l => l.PooledCoverFen > 0));
        Assert.Contains(years, y => y.Ledgers.Any(l => l.ShortfallCoverFen > l.PooledCoverFen));
    }
}
