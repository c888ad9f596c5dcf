using System.Text.Json.Nodes;
using System.Threading.Channels;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Host.Lab;

/// <summary>What a lab run cannot do in its state (a step while it plays, a download before the end): 409.</summary>
public sealed class LabConflictException(string message) : Exception(message);

/// <summary>
/// One run of the lab: a <see cref="LiveRun"/> with the server's state around it (paused, running,
/// finished, failed), a gate that lets one operation at a time touch the simulation (a year, an
/// intervention, an inspection), the play loop, and the event streams of the pages watching it.
/// </summary>
public sealed class LabRun : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Channel<string>> _watchers = [];
    private readonly object _lock = new();
    private CancellationTokenSource? _play;
    private Task _playing = Task.CompletedTask;
    private ScenarioResult? _result;
    private MetricRow[] _rows = [];

    public LabRun(string id, LiveRun live, LabSource source, string engine)
    {
        Id = id;
        Live = live;
        Source = source;
        Engine = engine;
        Touch();
    }

    public string Id { get; }

    public LiveRun Live { get; }

    public LabSource Source { get; }

    public string Engine { get; }

    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;

    /// <summary>The memory the run holds at its end, estimated (MemoryEstimate.LiveRunBytes).</summary>
    public double EstimatedBytes { get; init; }

    /// <summary>paused, running, finished or failed.</summary>
    public string State { get; private set; } = "paused";

    /// <summary>Why the run failed (one line), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The last time anyone asked for or of the run (a playing run is always in use).</summary>
    public DateTimeOffset LastTouched { get; private set; }

    public bool Playing => State == "running";

    /// <summary>Every metric row of the years done, every replication (a snapshot taken after each year).</summary>
    public IReadOnlyList<MetricRow> Rows => Volatile.Read(ref _rows);

    public void Touch() => LastTouched = DateTimeOffset.UtcNow;

    /// <summary>Runs one year and waits for it.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        if (Playing) throw new LabConflictException("the run is playing; pause it first");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfOver("step");
            await YearAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs year after year to the end in the background, waiting <paramref name="delay"/> between years.</summary>
    public void Play(TimeSpan delay)
    {
        lock (_lock)
        {
            ThrowIfOver("play");
            if (Playing) return;
            _play = new CancellationTokenSource();
            SetState("running");
            _playing = PlayLoopAsync(delay, _play.Token);
        }
    }

    private async Task PlayLoopAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (!cancellationToken.IsCancellationRequested && !Live.Done && State == "running")
            {
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    if (cancellationToken.IsCancellationRequested || Live.Done) break;
                    await YearAsync(CancellationToken.None);
                }
                finally
                {
                    _gate.Release();
                }
                Touch();
                if (delay > TimeSpan.Zero && !Live.Done) await Task.Delay(delay, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // paused
        }
        catch (Exception)
        {
            // YearAsync has recorded the failure.
        }
        lock (_lock)
        {
            if (State == "running") SetState(Live.Done ? "finished" : "paused");
        }
    }

    /// <summary>Stops playing after the year in progress and waits for it.</summary>
    public async Task PauseAsync()
    {
        Task playing;
        lock (_lock)
        {
            _play?.Cancel();
            playing = _playing;
        }
        await playing;
    }

    /// <summary>Changes parameters from the next year on (between two years, even while playing).</summary>
    public async Task<Intervention> InterveneAsync(IReadOnlyList<KeyValuePair<string, string>> set, string note, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfOver("change");
            var intervention = await Live.InterveneAsync(set, note, cancellationToken);
            Publish("status", LabJson.Status(this));
            return intervention;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One agent as it is between years; null when the run has no such agent.</summary>
    public async Task<AgentView?> InspectAsync(int replication, AgentKind kind, int id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (State == "failed") throw new LabConflictException($"the run failed: {Error}");
            return await Live.InspectAsync(replication, kind, id, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The finished run's result, for its run directory (computed once).</summary>
    public async Task<ScenarioResult> ResultAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (State != "finished") throw new LabConflictException($"the run is {State}; it can be downloaded once it has finished");
            return _result ??= await Live.ResultAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Paired differences of <paramref name="other"/> against this run, between years of both.</summary>
    public async Task<ComparisonTable?> PairedWithAsync(LabRun other, CancellationToken cancellationToken)
    {
        // Gates are always taken in id order, so that two comparisons in opposite directions cannot wait on each other.
        var (first, second) = string.CompareOrdinal(Id, other.Id) <= 0 ? (this, other) : (other, this);
        await first._gate.WaitAsync(cancellationToken);
        try
        {
            if (first == second) return Live.PairedWith(other.Live);
            await second._gate.WaitAsync(cancellationToken);
            try
            {
                return Live.PairedWith(other.Live);
            }
            finally
            {
                second._gate.Release();
            }
        }
        finally
        {
            first._gate.Release();
        }
    }

    /// <summary>A new event stream for a page: the status first, then every year and state change.</summary>
    public ChannelReader<string> Watch()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            channel.Writer.TryWrite(Event("status", LabJson.Status(this)));
            _watchers.Add(channel);
        }
        return channel.Reader;
    }

    /// <summary>Ends an event stream.</summary>
    public void Unwatch(ChannelReader<string> reader)
    {
        lock (_lock) _watchers.RemoveAll(c => c.Reader == reader);
    }

    private async Task YearAsync(CancellationToken cancellationToken)
    {
        int year;
        try
        {
            year = await Live.StepAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Error = Cli.ProcessGuard.Describe(e);
            lock (_lock) SetState("failed");
            throw;
        }
        var rows = Live.Metrics.SelectMany(t => t.Rows.Where(r => r.Year == year));
        Volatile.Write(ref _rows, [.. _rows, .. rows]);
        Publish("year", LabJson.YearEvent(this, year));
        if (Live.Done) lock (_lock) SetState("finished");
    }

    private void ThrowIfOver(string what)
    {
        if (State == "failed") throw new LabConflictException($"the run failed: {Error}");
        if (Live.Done) throw new LabConflictException($"the run has finished; nothing to {what}");
    }

    private void SetState(string state)
    {
        if (State == state) return;
        State = state;
        Publish("status", LabJson.Status(this));
    }

    private void Publish(string name, JsonNode data)
    {
        string message = Event(name, data);
        lock (_lock)
        {
            foreach (var watcher in _watchers) watcher.Writer.TryWrite(message);
        }
    }

    private static string Event(string name, JsonNode data) => $"event: {name}\ndata: {LabJson.Text(data)}\n\n";

    public async ValueTask DisposeAsync()
    {
        await PauseAsync();
        lock (_lock)
        {
            foreach (var watcher in _watchers) watcher.Writer.TryComplete();
            _watchers.Clear();
        }
        await _gate.WaitAsync();
        try
        {
            await Live.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Where a lab run's scenario came from: a built-in name or text sent to the server, and the SHA-256 of its bytes.</summary>
public sealed record LabSource(string Name, string Sha256);
