namespace EcosystemSim.Grains;

/// <summary>
/// Calls many grains with at most a fixed number of calls in flight (a sliding window). Firing
/// every call at once makes calls expire in the queue on large counties (ORLEANS-NOTES.md);
/// results come back in the order of the targets, whatever the order of completion.
/// </summary>
internal static class FanOut
{
    public static async Task<TResult[]> Run<TTarget, TResult>(
        IReadOnlyList<TTarget> targets, int window, Func<TTarget, ValueTask<TResult>> call)
    {
        var results = new TResult[targets.Count];
        int next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < targets.Count)
            {
                results[i] = await call(targets[i]);
            }
        }
        var workers = new Task[Math.Min(window, targets.Count)];
        for (int w = 0; w < workers.Length; w++) workers[w] = Worker();
        await Task.WhenAll(workers);
        return results;
    }
}
