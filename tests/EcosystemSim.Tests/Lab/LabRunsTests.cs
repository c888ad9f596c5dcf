using System.Text.Json.Nodes;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Lab;

namespace EcosystemSim.Tests.Lab;

/// <summary>The lab's run registry in process: idle runs expire, runs in use do not.</summary>
public class LabRunsTests
{
    private static LabRuns Registry(TimeSpan idle) =>
        new(new LabOptions(0, "127.0.0.1", 10_000, 4, idle, EngineKind.InProcess), _ => new Experiment(EngineHost.InProcess, Serilog.Core.Logger.None), Serilog.Core.Logger.None);

    private static JsonObject Small() => new() { ["scenario"] = "baseline", ["households"] = 400, ["years"] = 30 };

    [Fact]
    public async Task A_run_nobody_touches_expires_after_the_idle_time_and_a_playing_or_recently_used_one_does_not()
    {
        await using var runs = Registry(TimeSpan.FromMinutes(10));
        var idle = await runs.CreateAsync(Small(), CancellationToken.None);
        var used = await runs.CreateAsync(Small(), CancellationToken.None);
        var playing = await runs.CreateAsync(Small(), CancellationToken.None);
        playing.Play(TimeSpan.FromSeconds(30));

        await runs.ExpireAsync(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5));
        Assert.Equal(3, runs.All.Count());

        var later = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(11);
        Assert.NotNull(runs.Get(used.Id)); // touched now, but the clock below is 11 minutes ahead of both
        await runs.ExpireAsync(later);
        Assert.Equal([playing.Id], runs.All.Select(r => r.Id).ToArray());
        Assert.Null(runs.Get(idle.Id));
        await playing.PauseAsync();
        Assert.Equal("paused", playing.State);
    }

    [Fact]
    public async Task The_run_limit_counts_runs_held_and_a_deleted_run_frees_its_place()
    {
        await using var runs = Registry(TimeSpan.FromMinutes(10));
        var held = new List<LabRun>();
        for (int i = 0; i < 4; i++) held.Add(await runs.CreateAsync(Small(), CancellationToken.None));
        await Assert.ThrowsAsync<LabTooManyException>(() => runs.CreateAsync(Small(), CancellationToken.None));
        Assert.True(await runs.DeleteAsync(held[0].Id));
        Assert.False(await runs.DeleteAsync(held[0].Id));
        Assert.NotNull(await runs.CreateAsync(Small(), CancellationToken.None));
    }

    [Fact]
    public void The_history_estimate_holds_a_household_year_record()
    {
        Assert.True(System.Runtime.CompilerServices.Unsafe.SizeOf<EcosystemSim.Model.Households.HouseholdYearRecord>() + 24 <= MemoryEstimate.HistoryBytesPerHouseholdYear,
            $"a HouseholdYearRecord is {System.Runtime.CompilerServices.Unsafe.SizeOf<EcosystemSim.Model.Households.HouseholdYearRecord>()} bytes");
    }

    [Fact]
    public async Task A_run_that_would_not_fit_in_memory_beside_the_runs_held_is_refused_with_the_figures()
    {
        // 100,000 households x 200 years of history would hold about 10 GB; the registry allows it by size, not by memory.
        await using var runs = new LabRuns(new LabOptions(0, "127.0.0.1", 100_000_000, 4, TimeSpan.FromMinutes(10), EngineKind.InProcess),
            _ => new Experiment(EngineHost.InProcess, Serilog.Core.Logger.None), Serilog.Core.Logger.None);
        double need = MemoryEstimate.LiveRunBytes(EngineKind.InProcess, 1_000_000, 4, 200);
        Assert.True(need > MemoryEstimate.AvailableBytes, "the test's run must be larger than the machine");
        var e = await Assert.ThrowsAsync<LabTooManyException>(() => runs.CreateAsync(
            new JsonObject { ["scenario"] = "baseline", ["households"] = 1_000_000, ["years"] = 200, ["replications"] = 4 }, CancellationToken.None));
        Assert.Contains("not enough memory", e.Message);
        Assert.Empty(runs.All);
    }
}
