using EcosystemSim.Host.Engines;
using EcosystemSim.Model.World;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using Serilog;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// Runs a scenario's replications on an engine host, several at once (each its own run id in the same
/// cluster), and returns their results in replication order, whatever order they finish in.
/// </summary>
public static class Replications
{
    /// <summary>Replications run at once by default: one per core.</summary>
    public static int DefaultParallelism(int replications) => Math.Max(1, Math.Min(replications, Environment.ProcessorCount));

    /// <summary>The seed of each replication.</summary>
    public static ulong[] Seeds(Scenario scenario) =>
        Enumerable.Range(0, scenario.Replications).Select(r => Model.Random.Seeds.ForReplication(scenario.Seed, r)).ToArray();

    public static async Task<RunResult[]> RunAsync(EngineHost host, Scenario scenario, int parallelism, ILogger log,
        ProgressReporter progress, CancellationToken cancellationToken, Action<int, YearRecords>? onYear = null)
    {
        var results = new RunResult[scenario.Replications];
        var timeline = ScenarioTimeline.Compile(scenario);
        string batch = Guid.NewGuid().ToString("N");
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, scenario.Replications).Select(async r =>
        {
            await gate.WaitAsync(failed.Token);
            try
            {
                ulong seed = Model.Random.Seeds.ForReplication(scenario.Seed, r);
                var plan = new RunPlan($"{scenario.Name}-{batch}-r{r}", scenario.Model, seed, scenario.StartYear, scenario.Years,
                    WorldLayout.Build(scenario.Model, scenario.Households, seed)) { Timeline = timeline };
                string what = scenario.Replications > 1 ? $"{scenario.Name} replication {r + 1}/{scenario.Replications}" : scenario.Name;
                await using var simulation = host.Create();
                results[r] = await SimulationRunner.RunAsync(simulation, plan, r, log.ForContext("Replication", r), failed.Token, records =>
                {
                    onYear?.Invoke(r, records);
                    progress.YearDone(what, records.Year, plan.Households);
                });
            }
            catch
            {
                // One failed replication stops the others.
                await failed.CancelAsync();
                throw;
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Surface the replication's own failure rather than the cancellations it caused.
            var cause = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).FirstOrDefault();
            if (cause is not null) throw cause;
            throw;
        }
        return results;
    }
}
