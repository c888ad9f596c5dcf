using EcosystemSim.Host.Engines;
using EcosystemSim.Host.Runs;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;
using Orleans.TestingHost;
using Serilog.Core;

namespace EcosystemSim.Tests.Orleans;

public class TestClusterTests
{
    private static RunPlan Plan(string runId)
    {
        var parameters = new ModelParameters();
        return new RunPlan(runId, parameters, 77, 2021, 4, WorldLayout.Build(parameters, 600, 77));
    }

    [Fact]
    public async Task A_run_on_a_two_silo_test_cluster_matches_the_in_process_engine_byte_for_byte()
    {
        var builder = new InProcessTestClusterBuilder(2);
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var plan = Plan("cluster-test");
        RunResult onCluster;
        await using (var simulation = new OrleansSimulation(cluster.Client, cluster.Silos.Count))
        {
            onCluster = await SimulationRunner.RunAsync(simulation, plan, 0, Logger.None, CancellationToken.None);
        }
        RunResult inProcess;
        await using (var simulation = new InProcessSimulation())
        {
            inProcess = await SimulationRunner.RunAsync(simulation, plan with { RunId = "local" }, 0, Logger.None, CancellationToken.None);
        }
        Assert.Equal(2, cluster.Silos.Count);
        Assert.Equal(inProcess.Population, onCluster.Population);
        Assert.Equal(inProcess.Metrics.ToCsv(), onCluster.Metrics.ToCsv());
    }
}
