using System.Reflection;
using EcosystemSim.Host.Cli;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>Command-line overrides of a scenario's run settings, checked against the same ranges as the file.</summary>
public static class ScenarioOverrides
{
    public static Scenario Apply(Scenario scenario, RunRequest request)
    {
        Check("--households", nameof(Scenario.Households), request.Households);
        Check("--years", nameof(Scenario.Years), request.Years);
        Check("--start-year", nameof(Scenario.StartYear), request.StartYear);
        Check("--seed", nameof(Scenario.Seed), request.Seed);
        Check("--replications", nameof(Scenario.Replications), request.Replications);
        if (request.Parallel is < 1 or > 1024) throw new UsageException($"--parallel: {request.Parallel} is out of range: must be between 1 and 1024");
        Check("--prices", nameof(Scenario.PricesYear), request.Prices);
        var overridden = scenario with
        {
            Households = request.Households ?? scenario.Households,
            Years = request.Years ?? scenario.Years,
            StartYear = request.StartYear ?? scenario.StartYear,
            Seed = request.Seed ?? scenario.Seed,
            Replications = request.Replications ?? scenario.Replications,
            PricesYear = request.Prices ?? scenario.PricesYear,
            Breakdowns = request.Breakdowns switch
            {
                null => scenario.Breakdowns,
                "national" => BreakdownScope.National,
                "regions" => BreakdownScope.Regions,
                { } other => throw new UsageException($"--breakdowns: '{other}' is not national or regions"),
            },
        };
        if (request.Prices is { } prices and not 0 && (prices < overridden.StartYear || prices > overridden.EndYear))
        {
            throw new UsageException($"--prices: {prices} is outside the run ({overridden.StartYear}-{overridden.EndYear}); 0 writes nominal yuan");
        }
        return overridden;
    }

    private static void Check(string option, string property, object? value)
    {
        if (value is null) return;
        var param = typeof(Scenario).GetProperty(property)!.GetCustomAttribute<ParamAttribute>()!;
        ParameterValidator.CheckValue(value, param, option, (path, message) => throw new UsageException($"{path}: {message}"));
    }
}
