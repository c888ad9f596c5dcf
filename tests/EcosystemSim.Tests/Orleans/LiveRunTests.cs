using EcosystemSim.Engine.Experiments;
using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Orleans;

/// <summary>
/// The lab's run (<see cref="LiveRun"/>): stepped a year at a time with levers changed between
/// years, it gives the same bytes as a batch run of the scenario it records, on every engine, and
/// its agents can be inspected mid-run.
/// </summary>
[Collection(EngineFixture.Name)]
public class LiveRunTests(EngineFixture engines)
{
    private static Scenario Spiral() => ScenarioLoader.Load("premium-spiral").Scenario with { Households = 1200, Years = 6, Replications = 2 };

    [Fact]
    public async Task A_run_changed_mid_run_gives_the_bytes_of_a_batch_run_of_its_recorded_scenario_on_every_engine()
    {
        string? oracle = null;
        foreach (var (name, engine) in engines.All)
        {
            var experiment = new Experiment(engine, Serilog.Core.Logger.None);
            await using var live = await experiment.StartLiveAsync(Spiral(), CancellationToken.None);
            await live.StepAsync(CancellationToken.None);
            await live.StepAsync(CancellationToken.None);
            var change = await live.InterveneAsync([new("market.products[open_cover].premium_yuan", "150"), new("pension.minimum_monthly_yuan", "{2023: 250}")],
                "cheaper cover", CancellationToken.None);
            Assert.Equal(2023, change.Year);
            await live.StepAsync(CancellationToken.None);
            await live.InterveneAsync([new("market.products[open_cover].endorsed", "true")], "endorsed", CancellationToken.None);
            while (!live.Done) await live.StepAsync(CancellationToken.None);
            string stepped = MetricsTable.Concat((await live.ResultAsync()).Metrics).ToCsv();

            // The recorded scenario, written out and read back as a file would be, run as `ecosim run` runs it.
            var recorded = ScenarioLoader.Parse(System.Text.Encoding.UTF8.GetBytes(ScenarioWriter.ToJson(live.Scenario).ToJsonString()), "recorded.json").Scenario;
            Assert.Equal(2, recorded.Interventions.Length);
            var batch = await experiment.RunAsync(recorded, parallelism: 2, RunObserver.None, CancellationToken.None);
            Assert.True(stepped == MetricsTable.Concat(batch.Metrics).ToCsv(), $"{name}: the stepped run differs from the batch run of its scenario");
            oracle ??= stepped;
            Assert.True(oracle == stepped, $"{name}: the stepped run differs from the in-process engine's");

            // The change is real: the same run without it is another run.
            var unchanged = await experiment.RunAsync(Spiral(), parallelism: 2, RunObserver.None, CancellationToken.None);
            Assert.NotEqual(stepped, MetricsTable.Concat(unchanged.Metrics).ToCsv());
        }
    }

    [Fact]
    public async Task Agents_are_inspected_mid_run_with_their_history_and_the_same_view_on_every_engine()
    {
        string? oracle = null;
        foreach (var (name, engine) in engines.All)
        {
            var experiment = new Experiment(engine, Serilog.Core.Logger.None);
            await using var live = await experiment.StartLiveAsync(Spiral() with { Replications = 1 }, CancellationToken.None);
            await live.StepAsync(CancellationToken.None);
            await live.StepAsync(CancellationToken.None);
            var household = (await live.InspectAsync(0, AgentKind.Household, 17, CancellationToken.None))!.ToJson();
            var county = (await live.InspectAsync(0, AgentKind.County, 3, CancellationToken.None))!.ToJson();
            var insurer = (await live.InspectAsync(0, AgentKind.Insurer, 0, CancellationToken.None))!.ToJson();
            Assert.Equal(2, household["history"]!.AsArray().Count);
            Assert.Equal(2021, (int)household["history"]![0]!["year"]!);
            Assert.NotEmpty(household["state"]!["members"]!.AsArray());
            Assert.Equal(2, county["history"]!.AsArray().Count);
            Assert.Contains(county["state"]!["household_ids"]!.AsArray(), id => (int)id! == (int)county["state"]!["county"]!["first_household_id"]!);
            Assert.Equal(2, insurer["history"]!.AsArray().Count);
            Assert.Null(await live.InspectAsync(0, AgentKind.Household, live.Plan(0).Households, CancellationToken.None));
            Assert.Null(await live.InspectAsync(0, AgentKind.County, -1, CancellationToken.None));
            Assert.Null(await live.InspectAsync(0, AgentKind.Insurer, 5, CancellationToken.None));
            Assert.Null(await live.InspectAsync(1, AgentKind.Household, 0, CancellationToken.None));
            string views = $"{household.ToJsonString()}\n{county.ToJsonString()}\n{insurer.ToJsonString()}";
            oracle ??= views;
            Assert.True(oracle == views, $"{name}: the agents look different from the in-process engine's");
        }
    }

    [Fact]
    public async Task A_change_that_does_not_validate_changes_nothing()
    {
        await using var live = await new Experiment(engines.Embedded, Serilog.Core.Logger.None).StartLiveAsync(Spiral() with { Replications = 1 }, CancellationToken.None);
        await live.StepAsync(CancellationToken.None);
        var e = await Assert.ThrowsAsync<ScenarioException>(() => live.InterveneAsync(
            [new("market.products[open_cover].premium_yuan", "-5"), new("pension.no_such_lever", "1")], "bad", CancellationToken.None));
        Assert.Equal(["set.market.products[open_cover].premium_yuan", "set.pension.no_such_lever"], e.Problems.Select(p => p.Field).ToArray());
        Assert.Empty(live.Scenario.Interventions);
    }
}
