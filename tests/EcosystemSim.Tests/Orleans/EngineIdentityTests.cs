using System.Globalization;
using System.Text;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;
using Xunit.Abstractions;

namespace EcosystemSim.Tests.Orleans;

/// <summary>
/// Engine identity as a property: random valid scenarios (interventions in any year including the
/// first and the last, launches, withdrawals, campaigns, regional and per-insurer settings, several
/// bases and seeds) give byte-identical metrics.csv, summary.csv and lorenz.csv on the in-process
/// engine, an embedded silo and a two-silo cluster. CI runs a fixed sample; set
/// ECOSIM_ENGINE_CASES=N (and ECOSIM_ENGINE_FIRST=K) to run more. A failing case is written out as
/// a scenario file that reproduces it.
/// </summary>
[Collection(EngineFixture.Name)]
public class EngineIdentityTests(EngineFixture engines, ITestOutputHelper output)
{
    private const int CiCases = 24;

    public static TheoryData<int> Cases()
    {
        int first = Setting("ECOSIM_ENGINE_FIRST", 0), count = Setting("ECOSIM_ENGINE_CASES", CiCases);
        return [.. Enumerable.Range(first, count)];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_random_valid_scenario_gives_the_same_bytes_on_every_engine(int seed)
    {
        var generated = ScenarioGenerator.Generate(seed) with { Replications = 2 };
        string yaml = ScenarioGenerator.ToYaml(generated);
        // What runs is what the file says, so a failure reproduces from the file alone.
        var scenario = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), $"engine-case-{seed}.yaml").Scenario;
        await AssertIdentical(scenario, yaml, $"engine-case-{seed}");
    }

    [Fact]
    public async Task A_change_dated_in_the_start_year_gives_the_same_bytes_on_every_engine()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "regressions", "start-year-insurer-capital.yaml");
        var scenario = ScenarioLoader.Load(path).Scenario;
        var oracle = await AssertIdentical(scenario, File.ReadAllText(path), "start-year-insurer-capital");
        // The insurer starts with the capital the start year's parameters give it (5 yuan a resident, not 60).
        double capital = oracle.Replications[0].Metrics.Value("insurer_capital_yuan", 2021);
        var reference = (await Runs.Run(EngineHost.InProcess, scenario with { Interventions = [] })).Replications[0].Metrics.Value("insurer_capital_yuan", 2021);
        Assert.True(capital < reference / 5, $"capital {capital} with 5 yuan a resident, {reference} with 60");
    }

    private sealed record Outputs(string Metrics, string Summary, string Lorenz);

    /// <summary>Runs the scenario on every engine and compares each output with the in-process engine's; returns the in-process result.</summary>
    private async Task<ScenarioResult> AssertIdentical(Scenario scenario, string yaml, string name)
    {
        Outputs? oracle = null;
        ScenarioResult? oracleResult = null;
        foreach (var (engineName, engine) in engines.All)
        {
            var result = await new Experiment(engine, Serilog.Core.Logger.None).RunAsync(scenario, parallelism: 2, RunObserver.None, CancellationToken.None);
            var outputs = new Outputs(MetricsTable.Concat(result.Metrics).ToCsv(), SummaryTable.Of(result.Metrics).ToCsv(),
                LorenzTable.Concat(result.Replications.Select(r => r.Lorenz)).ToCsv());
            if (oracle is null)
            {
                (oracle, oracleResult) = (outputs, result);
                continue;
            }
            foreach (var (file, expected, actual) in new[]
                     {
                         ("metrics.csv", oracle.Metrics, outputs.Metrics), ("summary.csv", oracle.Summary, outputs.Summary),
                         ("lorenz.csv", oracle.Lorenz, outputs.Lorenz),
                     })
            {
                if (expected == actual) continue;
                string repro = Path.Combine(Path.GetTempPath(), $"{name}.yaml");
                File.WriteAllText(repro, yaml);
                output.WriteLine(yaml);
                Assert.Fail($"{file} differs between inprocess and {engineName} from line {FirstDifference(expected, actual)}; " +
                            $"reproduce with: ecosim run {repro} --engine inprocess and --engine orleans");
            }
        }
        return oracleResult!;
    }

    private static int FirstDifference(string a, string b)
    {
        string[] x = a.Split('\n'), y = b.Split('\n');
        int line = 0;
        while (line < x.Length && line < y.Length && x[line] == y[line]) line++;
        return line + 1;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
