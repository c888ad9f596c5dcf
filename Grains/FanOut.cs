namespace EcosystemSim.Grains;

/// <summary>
/// Calls many grains with at most a fixed number of calls in flight (a sliding window). Firing
/// every call at once makes calls expire in the queue on large counties (ORLEANS-NOTES.md);
/// results come back in the order of the targets, whatever the order of completion.
/// </summary>
/// <remarks>
/// One loop issues the calls and awaits them in target order, reusing <c>window</c> slots: call
/// <c>i</c> is issued once call <c>i - window</c> has returned. Grain calls of one county are alike,
/// so waiting in order costs little, and one continuation per call replaces a worker task per slot
/// contending for the next index (measured for issue 18 in docs/performance.md).
/// </remarks>
internal static class FanOut
{
    /// <summary>The results of <paramref name="call"/> on every target, in target order, in <paramref name="into"/> when given (every element written) or a new array.</summary>
    public static async Task<TResult[]> Run<TTarget, TResult>(
        IReadOnlyList<TTarget> targets, int window, Func<TTarget, ValueTask<TResult>> call, TResult[]? into = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int count = targets.Count;
        if (into is not null && into.Length != count) throw new ArgumentException($"the results array holds {into.Length} results, not {count}", nameof(into));
        var results = into ?? new TResult[count];
        var slots = new ValueTask<TResult>[Math.Min(window, count)];
        for (int i = 0; i < count; i++)
        {
            int slot = i % slots.Length;
            if (i >= slots.Length) results[i - slots.Length] = await slots[slot];
            slots[slot] = call(targets[i]);
        }
        for (int i = Math.Max(0, count - slots.Length); i < count; i++)
        {
            results[i] = await slots[i % slots.Length];
        }
        return results;
    }
}
