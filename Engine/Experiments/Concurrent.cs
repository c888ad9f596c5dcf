namespace EcosystemSim.Engine.Experiments;

/// <summary>Work items run side by side, a few at a time, as replications and sensitivity points are.</summary>
public static class Concurrent
{
    /// <summary>
    /// Runs <paramref name="work"/> for items 0 to <paramref name="count"/> - 1, at most
    /// <paramref name="atOnce"/> at a time. The token each item gets is cancelled when another item
    /// fails, so one failure stops the rest; that failure, not the cancellations it caused, is what
    /// is thrown.
    /// </summary>
    public static async Task ForEachAsync(int count, int atOnce, Func<int, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, atOnce));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(failed.Token);
            try
            {
                await work(i, failed.Token);
            }
            catch
            {
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
            // Surface the item's own failure rather than the cancellations it caused.
            var cause = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).FirstOrDefault();
            if (cause is not null) throw cause;
            throw;
        }
    }
}
