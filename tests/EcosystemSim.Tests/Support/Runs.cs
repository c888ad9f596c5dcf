using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Tests.Support;

/// <summary>Runs the model through the experiment layer for run-level tests.</summary>
internal static class Runs
{
    /// <summary>A scenario of the given parameters and run settings.</summary>
    public static Scenario Of(ModelParameters parameters, int households, int years, ulong seed = 7, int startYear = 2021) =>
        new() { Name = "test", Model = parameters, Households = households, Years = years, Seed = seed, StartYear = startYear };

    public static async Task<MetricsTable> InProcess(ModelParameters parameters, int households, int years, ulong seed = 7, int startYear = 2021) =>
        (await Run(EngineHost.InProcess, Of(parameters, households, years, seed, startYear))).Replications[0].Metrics;

    /// <summary>Runs a scenario (a built-in name or a path) in process, with its interventions, at another size.</summary>
    public static async Task<MetricsTable> Scenario(string nameOrPath, int households) =>
        (await Run(EngineHost.InProcess, ScenarioLoader.Load(nameOrPath).Scenario with { Households = households, Replications = 1 })).Replications[0].Metrics;

    /// <summary>
    /// A scenario (a built-in name or a path) at <paramref name="seeds"/> seeds (its replications, each its own seed), in process,
    /// replications side by side; table r holds replication r's rows (read them with <see cref="Value"/>'s replication).
    /// </summary>
    public static async Task<MetricsTable[]> AtSeeds(string nameOrPath, int households, int seeds)
    {
        var scenario = ScenarioLoader.Load(nameOrPath).Scenario with { Households = households, Replications = seeds };
        var result = await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(scenario, Experiment.DefaultParallelism(seeds), RunObserver.None, CancellationToken.None);
        return [.. result.Replications.Select(r => r.Metrics)];
    }

    /// <summary>A scenario's replications on an engine, one at a time.</summary>
    public static Task<ScenarioResult> Run(EngineHost engine, Scenario scenario) =>
        new Experiment(engine, Logger.None).RunAsync(scenario, parallelism: 1, RunObserver.None, CancellationToken.None);

    public static double Value(this MetricsTable table, string metric, int year, string region = "national", int replication = 0) =>
        table.Series(metric, region, replication).Single(p => p.Year == year).Value;
}
