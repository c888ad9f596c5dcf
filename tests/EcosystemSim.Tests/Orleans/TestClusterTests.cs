using EcosystemSim.Engine.Engines;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Orleans;

[Collection(EngineFixture.Name)]
public class TestClusterTests(EngineFixture engines)
{
    [Fact]
    public async Task A_run_on_a_two_silo_test_cluster_matches_the_in_process_engine_byte_for_byte()
    {
        var scenario = Runs.Of(new ModelParameters(), 600, 4, seed: 77);
        var onCluster = await Runs.Run(engines.TwoSilos, scenario);
        var inProcess = await Runs.Run(EngineHost.InProcess, scenario);
        Assert.Equal(2, engines.TwoSilos.Silos);
        Assert.Equal(inProcess.Replications[0].Population, onCluster.Replications[0].Population);
        Assert.Equal(inProcess.Replications[0].Metrics.ToCsv(), onCluster.Replications[0].Metrics.ToCsv());
    }
}
