using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;
using EcosystemSim.Model.World;
using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Engine.Experiments;

/// <summary>One run: its id (the grains' key), what its agents are created from, how many years, and the county layout.</summary>
public sealed record RunPlan(string RunId, RunSetup Setup, int Years, IReadOnlyList<CountySpec> Layout)
{
    public int StartYear => Setup.StartYear;

    /// <summary>Whether metrics.csv also breaks person-based metrics down within each region (the scenario's breakdowns).</summary>
    public bool BreakdownsByRegion { get; init; }

    /// <summary>The year whose prices money is written in (the scenario's prices_year), or 0 for nominal yuan.</summary>
    public int PricesYear { get; init; }

    /// <summary>The price level of a year over the prices year (1 when money is nominal), from the timeline in force.</summary>
    public double PriceLevel(int year) => PricesYear == 0 ? 1 : PriceIndex.Relative(Setup.Timeline, year, PricesYear);

    public int Households => Layout.Sum(c => c.HouseholdCount);

    /// <summary>The price index of a scenario's years over its prices year, for the manifest; null when money is nominal.</summary>
    public static Reports.Output.PriceBasis? Prices(Scenario scenario) => scenario.PricesYear == 0 ? null
        : new(scenario.PricesYear, PriceIndex.Of(ScenarioTimeline.Compile(scenario), scenario.StartYear, scenario.EndYear, scenario.PricesYear)
            .ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value));

    /// <summary>Replication <paramref name="replication"/> of a scenario: the only place a run plan is built from a scenario.</summary>
    public static RunPlan For(Scenario scenario, int replication, string runId) =>
        For(scenario, ScenarioTimeline.Compile(scenario), replication, runId);

    /// <summary>As <see cref="For(Scenario, int, string)"/>, with the scenario's timeline already compiled.</summary>
    public static RunPlan For(Scenario scenario, ParameterTimeline timeline, int replication, string runId)
    {
        ulong seed = Seeds.ForReplication(scenario.Seed, replication);
        var setup = new RunSetup(seed, scenario.StartYear, timeline);
        return new RunPlan(runId, setup, scenario.Years, WorldLayout.Build(setup.StartParameters, scenario.Households, seed)) { PricesYear = scenario.PricesYear, BreakdownsByRegion = scenario.Breakdowns == BreakdownScope.Regions };
    }
}
