using EcosystemSim.Grains;

namespace EcosystemSim.Tests.Orleans;

/// <summary>The local government's sliding window over household calls: order, bound and errors.</summary>
public sealed class FanOutTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    [InlineData(1000, 7)]
    [InlineData(10, 1)]
    public async Task Results_come_back_in_target_order_with_never_more_than_the_window_in_flight(int count, int window)
    {
        int inFlight = 0, peak = 0;
        var targets = Enumerable.Range(0, count).ToArray();
        var results = await FanOut.Run(targets, window, async t =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            // Later targets finish first, so that order of completion differs from order of targets.
            await Task.Delay(t % 3 == 0 ? 2 : 0);
            Interlocked.Decrement(ref inFlight);
            return t * 10;
        });

        Assert.Equal(targets.Select(t => t * 10), results);
        Assert.InRange(peak, Math.Min(count, 1), Math.Max(1, Math.Min(window, count)));
    }

    [Fact]
    public async Task Calls_already_completed_synchronously_are_collected_without_waiting()
    {
        var results = await FanOut.Run(Enumerable.Range(0, 600).ToArray(), 256, t => ValueTask.FromResult(t + 1));
        Assert.Equal(Enumerable.Range(1, 600), results);
    }

    [Fact]
    public async Task A_failing_call_fails_the_fan_out()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FanOut.Run(Enumerable.Range(0, 50).ToArray(), 8, async t =>
        {
            await Task.Yield();
            return t == 20 ? throw new InvalidOperationException("household 20") : t;
        }));
        Assert.Equal("household 20", error.Message);
    }

    [Fact]
    public async Task A_window_below_one_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FanOut.Run(new[] { 1 }, 0, t => ValueTask.FromResult(t)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
