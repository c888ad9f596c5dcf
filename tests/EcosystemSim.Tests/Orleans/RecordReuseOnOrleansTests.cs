using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;
using Serilog.Core;

namespace EcosystemSim.Tests.Orleans;

/// <summary>
/// On the Orleans engines a caller that releases its records (<see cref="RunObserver.ReuseRecordMemory"/>)
/// lets each county grain step a later year into the array it returned for a released year: every
/// record, dump and metric is the in-process engine's without reuse, on one silo (where the grain's
/// array is the caller's, so the year after next arrives in the same array) and on two.
/// </summary>
[Collection(EngineFixture.Name)]
public class RecordReuseOnOrleansTests(EngineFixture engines)
{
    private const int Years = 5;

    [Fact]
    public async Task With_records_released_a_county_steps_the_year_after_next_into_the_same_array_and_nothing_moves()
    {
        var oracle = await RunAsync(EngineHost.InProcess, reuse: false);
        var embedded = await RunAsync(engines.Embedded, reuse: true);
        var twoSilos = await RunAsync(engines.TwoSilos, reuse: true);

        Assert.Equal(oracle.Dumps, embedded.Dumps);
        Assert.Equal(oracle.Metrics, embedded.Metrics);
        Assert.Equal(oracle.Dumps, twoSilos.Dumps);
        Assert.Equal(oracle.Metrics, twoSilos.Metrics);
        for (int y = 2; y < Years; y++)
        {
            Assert.True(embedded.Arrays[y].Zip(embedded.Arrays[y - 2]).All(p => ReferenceEquals(p.First, p.Second)), $"year {y} did not take year {y - 2}'s arrays");
            Assert.True(embedded.Arrays[y].All(a => embedded.Arrays[y - 1].All(b => !ReferenceEquals(a, b))), $"year {y} wrote into the arrays of the year before, still being read");
        }
    }

    [Fact]
    public async Task Without_records_released_every_year_has_new_arrays()
    {
        var kept = await RunAsync(engines.Embedded, reuse: false);

        var arrays = kept.Arrays.SelectMany(a => a).ToArray();
        Assert.Equal(arrays.Length, arrays.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    private static Scenario Scenario() =>
        ScenarioLoader.Load("multi-level-market").Scenario with { Households = 500, Years = Years, Replications = 1 };

    private static async Task<(List<string> Dumps, List<string> Metrics, List<HouseholdYearRecord[][]> Arrays)> RunAsync(EngineHost engine, bool reuse)
    {
        var dumps = new List<string>();
        var arrays = new List<HouseholdYearRecord[][]>();
        var observer = new RunObserver
        {
            ReuseRecordMemory = reuse,
            YearDone = y =>
            {
                lock (dumps)
                {
                    using var writer = new StringWriter();
                    HouseholdsCsv.Write(y.Records, writer, y.PriceLevel);
                    dumps.Add($"{y.Records.Year} {writer}");
                    arrays.Add(y.Records.HouseholdChunks.ToArray());
                }
            },
        };
        var result = await new Experiment(engine, Logger.None).RunAsync(Scenario(), 1, observer, CancellationToken.None);
        var metrics = result.Metrics.Single().Rows.Select(r => $"{r.Year} {r.Region} {r.Metric} {BitConverter.DoubleToInt64Bits(r.Value)}").ToList();
        return (dumps, metrics, arrays);
    }
}
