using System.Collections.Concurrent;
using EcosystemSim.Engine.Experiments;

namespace EcosystemSim.Tests.Experiments;

/// <summary>
/// The sweep's pipeline: items consumed in order, each while the next is produced, never more than
/// one ahead; failures and interruptions end it as running the items one by one would.
/// </summary>
public class PipelineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Items_are_consumed_in_order_each_while_the_next_is_produced_and_never_more_than_one_ahead()
    {
        const int Count = 6;
        var events = new ConcurrentQueue<string>();
        var produced = Enumerable.Range(0, Count).Select(_ => new TaskCompletionSource()).ToArray();
        var consumed = new List<int>();
        int producing = 0, mostAtOnce = 0;
        bool overlapped = true;
        await Pipeline.RunAsync(Count, async (i, token) =>
        {
            events.Enqueue($"produce {i}");
            InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref producing));
            await Task.Yield();
            Interlocked.Decrement(ref producing);
            events.Enqueue($"produced {i}");
            produced[i].SetResult();
            return i * 10;
        }, (i, item) =>
        {
            events.Enqueue($"consume {i}");
            // The next item is produced while this one is consumed: waiting for it here would never end otherwise.
            if (i + 1 < Count && !produced[i + 1].Task.Wait(Patience)) overlapped = false;
            lock (consumed) consumed.Add(item);
            events.Enqueue($"consumed {i}");
        }, CancellationToken.None);

        Assert.True(overlapped, "an item was not produced while the one before it was consumed");
        Assert.Equal([0, 10, 20, 30, 40, 50], consumed);
        Assert.Equal(1, mostAtOnce);
        var order = events.ToList();
        for (int i = 1; i < Count; i++)
        {
            // Item i is consumed after item i - 1, and item i + 1 not produced before item i - 1 is consumed.
            Assert.True(order.IndexOf($"consume {i}") > order.IndexOf($"consumed {i - 1}"), string.Join(", ", order));
            if (i + 1 < Count) Assert.True(order.IndexOf($"produce {i + 1}") > order.IndexOf($"consumed {i - 1}"), string.Join(", ", order));
        }
    }

    [Fact]
    public async Task A_failed_consumption_stops_the_production_under_way_and_is_what_is_thrown()
    {
        var productionEnded = new TaskCompletionSource();
        var e = await Assert.ThrowsAsync<IOException>(() => Pipeline.RunAsync(5, async (i, token) =>
        {
            if (i == 0) return i;
            try
            {
                await Task.Delay(Patience, token);
                return i;
            }
            finally
            {
                productionEnded.TrySetResult();
            }
        }, (i, _) => throw new IOException($"disk full writing {i}"), CancellationToken.None));
        Assert.Equal("disk full writing 0", e.Message);
        // The production of item 1 was cancelled, and ended before the failure was thrown.
        Assert.True(productionEnded.Task.IsCompleted);
    }

    [Fact]
    public async Task A_failed_production_is_thrown_once_the_item_before_it_is_consumed()
    {
        var consumed = new List<int>();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Pipeline.RunAsync(5, async (i, token) =>
        {
            await Task.Yield();
            if (i == 2) throw new InvalidOperationException("year 2031 overflowed");
            return i;
        }, (i, _) =>
        {
            Thread.Sleep(50);
            lock (consumed) consumed.Add(i);
        }, CancellationToken.None));
        Assert.Equal("year 2031 overflowed", e.Message);
        Assert.Equal([0, 1], consumed);
    }

    [Fact]
    public async Task After_an_interruption_the_item_being_consumed_is_finished_and_no_other_is_started()
    {
        using var cancel = new CancellationTokenSource();
        var consumed = new List<int>();
        var produced = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline.RunAsync(6, (i, token) =>
        {
            token.ThrowIfCancellationRequested();
            lock (produced) produced.Add(i);
            // Item 2 is produced before the interruption comes: it is not consumed even so.
            return Task.FromResult(i);
        }, (i, _) =>
        {
            if (i == 1) cancel.Cancel();
            Thread.Sleep(50);
            lock (consumed) consumed.Add(i);
        }, cancel.Token));
        Assert.Equal([0, 1], consumed);
        Assert.DoesNotContain(3, produced);
    }

    [Fact]
    public async Task No_items_is_nothing_to_do_and_one_item_is_produced_and_consumed()
    {
        int calls = 0;
        await Pipeline.RunAsync<int>(0, (_, _) => { calls++; return Task.FromResult(0); }, (_, _) => calls++, CancellationToken.None);
        Assert.Equal(0, calls);
        var consumed = new List<int>();
        await Pipeline.RunAsync(1, (i, _) => Task.FromResult(7), (i, item) => consumed.Add(item), CancellationToken.None);
        Assert.Equal([7], consumed);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
