using EcosystemSim.Engine.Experiments;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Orleans;

/// <summary>
/// Checkpoints: a run put back from the end of any year continues to the same bytes as the run
/// that never stopped, on every engine and across engines, and a reform forked from a baseline's
/// checkpoint equals the reform run from the start.
/// </summary>
[Collection(EngineFixture.Name)]
public class CheckpointTests(EngineFixture engines)
{
    private static Scenario Small(string name = "all-proposals") =>
        ScenarioLoader.Load(name).Scenario with { Households = 800, Years = 8, Replications = 2 };

    private static string Csv(ScenarioResult result) =>
        MetricsTable.Concat(result.Metrics).ToCsv() + LorenzTable.Concat(result.Replications.Select(r => r.Lorenz)).ToCsv();

    [Fact]
    public async Task A_run_resumed_from_any_checkpoint_gives_the_bytes_of_the_run_that_never_stopped_on_every_engine()
    {
        var scenario = Small();
        using var temp = new TempDirectory();
        // The oracle writes a checkpoint every 3 years and keeps them all: 2023 and 2026.
        var oracle = await new Experiment(engines.All[0].Engine, Serilog.Core.Logger.None).RunAsync(scenario, 2, RunObserver.None, CancellationToken.None,
            new CheckpointPlan { Directory = temp.Path, Every = 3, KeepAll = true });
        Assert.Equal([2026, 2023], Checkpoints.Years(temp.Path, 1));
        Assert.Equal(Csv(await new Experiment(engines.All[0].Engine, Serilog.Core.Logger.None).RunAsync(scenario, 2, RunObserver.None, CancellationToken.None)), Csv(oracle));
        foreach (var (name, engine) in engines.All)
        {
            foreach (int year in new[] { 2023, 2026 })
            {
                var resumed = await new Experiment(engine, Serilog.Core.Logger.None).RunAsync(scenario, 2, RunObserver.None, CancellationToken.None,
                    new CheckpointPlan { From = r => Checkpoints.Read(Checkpoints.PathOf(temp.Path, year, r)) });
                Assert.True(Csv(oracle) == Csv(resumed), $"{name}: resumed from the end of {year}, the run differs from the one that never stopped");
            }
        }
    }

    [Fact]
    public async Task Only_the_latest_checkpoint_is_kept_unless_all_are_asked_for_and_a_checkpoint_is_whole()
    {
        using var temp = new TempDirectory();
        await new Experiment(engines.Embedded, Serilog.Core.Logger.None).RunAsync(Small() with { Replications = 1 }, 1, RunObserver.None, CancellationToken.None,
            new CheckpointPlan { Directory = temp.Path, Every = 2 });
        // 2022, 2024 and 2026 were written (none at the last year, 2028: the run is then done); the latest stays.
        Assert.Equal([2026], Checkpoints.Years(temp.Path, 0));
        Assert.Equal(["2026"], Directory.GetDirectories(temp.Path).Select(d => Path.GetFileName(d)!).ToArray());
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
        var checkpoint = Checkpoints.Read(Checkpoints.PathOf(temp.Path, 2026, 0));
        Assert.Equal((0, 2026, 800), (checkpoint.Replication, checkpoint.LastYear, checkpoint.Agents.Households.Length));
        Assert.Equal(6, checkpoint.Metrics.Select(m => m.Year).Distinct().Count());
    }

    [Fact]
    public void A_damaged_or_foreign_checkpoint_is_refused_with_what_is_wrong()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp["not.ckpt"], "hello");
        Assert.Contains("damaged", Assert.Throws<CheckpointException>(() => Checkpoints.Read(temp["not.ckpt"])).Message);
        using (var zip = new System.IO.Compression.GZipStream(File.Create(temp["other.ckpt"]), System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new BinaryWriter(zip))
        {
            writer.Write("ECOSIM-CHECKPOINT");
            writer.Write(Checkpoints.FormatVersion + 1);
            writer.Write("0.0.1");
        }
        Assert.Contains("another version of ecosim", Assert.Throws<CheckpointException>(() => Checkpoints.Read(temp["other.ckpt"])).Message);
    }

    [Fact]
    public async Task A_reform_forked_from_a_baseline_checkpoint_equals_the_reform_run_from_the_start()
    {
        var baseline = Small("baseline");
        // benefit-raise changes the minimum pension from 2027: after the checkpoint at the end of 2024.
        var reform = Comparison.Align(baseline, ScenarioLoader.Load("benefit-raise").Scenario);
        Assert.All(reform.Interventions, i => Assert.True(i.Year > 2024));
        using var temp = new TempDirectory();
        var experiment = new Experiment(engines.Embedded, Serilog.Core.Logger.None);
        await experiment.RunAsync(baseline, 2, RunObserver.None, CancellationToken.None, new CheckpointPlan { Directory = temp.Path, Every = 4, KeepAll = true });
        var checkpoints = Enumerable.Range(0, 2).Select(i => Checkpoints.Read(Checkpoints.PathOf(temp.Path, 2024, i))).ToArray();
        var problems = new List<string>();
        var aligned = Fork.Align(reform, checkpoints[0], problems);
        Assert.Empty(problems);
        var forked = await experiment.RunAsync(aligned, 2, RunObserver.None, CancellationToken.None,
            new CheckpointPlan { From = i => Checkpoints.Read(Checkpoints.PathOf(temp.Path, 2024, i)) });
        var scratch = await experiment.RunAsync(reform, 2, RunObserver.None, CancellationToken.None);
        Assert.Equal(Csv(scratch), Csv(forked));
        Assert.NotEqual(Csv(await experiment.RunAsync(baseline, 2, RunObserver.None, CancellationToken.None)), Csv(forked));
    }

    [Fact]
    public async Task A_fork_whose_changes_start_at_or_before_the_checkpoint_is_refused_naming_the_first()
    {
        using var temp = new TempDirectory();
        var baseline = Small("baseline") with { Replications = 1 };
        await new Experiment(engines.All[0].Engine, Serilog.Core.Logger.None).RunAsync(baseline, 1, RunObserver.None, CancellationToken.None,
            new CheckpointPlan { Directory = temp.Path, Every = 4 });
        var checkpoint = Checkpoints.Read(Checkpoints.PathOf(temp.Path, 2024, 0));
        var early = baseline with { Interventions = [new Intervention { Year = 2030, Note = "late" }, new Intervention { Year = 2023, Note = "early" }] };
        var problems = new List<string>();
        Fork.Align(early, checkpoint, problems);
        Assert.Contains(problems, p => p.Contains("2023") && p.Contains("interventions[1]"));
        problems.Clear();
        var changed = baseline with { Model = baseline.Model with { Pension = baseline.Model.Pension with { VestingYears = baseline.Model.Pension.VestingYears + 1 } } };
        Fork.Align(changed, checkpoint, problems);
        Assert.Contains(problems, p => p.Contains("pension.vesting_years"));
    }
}
