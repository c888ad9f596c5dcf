namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// Items produced and consumed in order, the consumption of one overlapping the production of the
/// next (a sweep writes a point's files while the next point runs). One item is consumed while at
/// most one more is produced, so at most two items are held at once whatever the count.
/// </summary>
public static class Pipeline
{
    /// <summary>
    /// Produces items 0 to <paramref name="count"/> - 1 one after the other and consumes each, in
    /// order, on its own thread while the next is produced. Failures are those of the items run one
    /// by one: a failed consumption cancels the production under way (waiting for it to end) and is
    /// what is thrown; a failed production is thrown once the item before it has been consumed. After
    /// the user's <paramref name="cancellationToken"/> is cancelled, the item being consumed is
    /// finished but no other is started.
    /// </summary>
    public static async Task RunAsync<T>(int count, Func<int, CancellationToken, Task<T>> produce, Action<int, T> consume, CancellationToken cancellationToken)
    {
        if (count <= 0) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        T item = await produce(0, stop.Token);
        for (int i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int at = i;
            T current = item;
            // A thread of its own: consumption may block (files, a parallel loop) and must not hold a worker the production needs.
            var consuming = Task.Factory.StartNew(() => consume(at, current), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Task<T>? next = at + 1 < count ? Task.Run(() => produce(at + 1, stop.Token), CancellationToken.None) : null;
            try
            {
                await consuming;
            }
            catch
            {
                await stop.CancelAsync();
                if (next is not null) await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
            if (next is null) return;
            item = await next;
        }
    }
}
