using EcosystemSim.Host.Engines;
using EcosystemSim.Host.Runs;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Tests.Support;

/// <summary>Runs the model in process for run-level tests.</summary>
internal static class Runs
{
    public static async Task<MetricsTable> InProcess(ModelParameters parameters, int households, int years, ulong seed = 7, int startYear = 2021)
    {
        var plan = new RunPlan("test", parameters, seed, startYear, years, WorldLayout.Build(parameters, households, seed));
        await using var simulation = new InProcessSimulation();
        var result = await SimulationRunner.RunAsync(simulation, plan, 0, Logger.None, CancellationToken.None);
        return result.Metrics;
    }

    /// <summary>Runs a scenario (a built-in name or a path) in process, with its interventions, at another size.</summary>
    public static async Task<MetricsTable> Scenario(string nameOrPath, int households)
    {
        var scenario = ScenarioLoader.Load(nameOrPath).Scenario with { Households = households };
        var plan = new RunPlan(scenario.Name, scenario.Model, scenario.Seed, scenario.StartYear, scenario.Years,
            WorldLayout.Build(scenario.Model, households, scenario.Seed)) { Timeline = ScenarioTimeline.Compile(scenario) };
        await using var simulation = new InProcessSimulation();
        var result = await SimulationRunner.RunAsync(simulation, plan, 0, Logger.None, CancellationToken.None);
        return result.Metrics;
    }

    public static double Value(this MetricsTable table, string metric, int year, string region = "national") =>
        table.Series(metric, region).Single(p => p.Year == year).Value;
}
