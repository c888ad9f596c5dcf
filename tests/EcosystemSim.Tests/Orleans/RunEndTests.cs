using EcosystemSim.Engine.Experiments;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;
using Serilog.Core;

namespace EcosystemSim.Tests.Orleans;

/// <summary>
/// A run on a cluster leaves no household behind: its counties retire their households (a county
/// at a time per silo) when the run ends, so a process that runs one run after another on the same
/// silos gets their memory back.
/// </summary>
[Collection(EngineFixture.Name)]
public class RunEndTests(EngineFixture engines)
{
    [Fact]
    public async Task After_a_run_no_household_is_active_on_any_silo()
    {
        var management = engines.TwoSilosClient.GetGrain<IManagementGrain>(0);
        var scenario = ScenarioLoader.Load("baseline").Scenario with { Households = 400, Years = 2, Replications = 2 };
        int during = 0;
        var observer = new RunObserver { YearDone = _ => during = Math.Max(during, Households(management).GetAwaiter().GetResult()) };

        await new Experiment(engines.TwoSilos, Logger.None).RunAsync(scenario, 2, observer, CancellationToken.None);

        Assert.True(during >= 400, $"{during} households were active while the runs stepped");
        // Deactivation follows the retiring call; give the silos a moment.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int left;
        while ((left = await Households(management)) > 0 && !timeout.IsCancellationRequested) await Task.Delay(100);
        Assert.Equal(0, left);
    }

    private static async Task<int> Households(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("HouseholdGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
}
