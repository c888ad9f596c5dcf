using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;
using EcosystemSim.Model.World;
using EcosystemSim.Protocol;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Engine.Experiments;

/// <summary>One run: its id (the grains' key), what its agents are created from, how many years, and the county layout.</summary>
public sealed record RunPlan(string RunId, RunSetup Setup, int Years, IReadOnlyList<CountySpec> Layout)
{
    public int StartYear => Setup.StartYear;

    public int Households => Layout.Sum(c => c.HouseholdCount);

    /// <summary>Replication <paramref name="replication"/> of a scenario: the only place a run plan is built from a scenario.</summary>
    public static RunPlan For(Scenario scenario, int replication, string runId) =>
        For(scenario, ScenarioTimeline.Compile(scenario), replication, runId);

    /// <summary>As <see cref="For(Scenario, int, string)"/>, with the scenario's timeline already compiled.</summary>
    public static RunPlan For(Scenario scenario, ParameterTimeline timeline, int replication, string runId)
    {
        ulong seed = Seeds.ForReplication(scenario.Seed, replication);
        var setup = new RunSetup(seed, scenario.StartYear, timeline);
        return new RunPlan(runId, setup, scenario.Years, WorldLayout.Build(setup.StartParameters, scenario.Households, seed));
    }
}
