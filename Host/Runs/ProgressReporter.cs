using System.Diagnostics;
using System.Globalization;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// Progress of long work on stderr: on a terminal, one line redrawn in place (a bar, the replication
/// and year, household-years per second, time left); otherwise a plain line every
/// <see cref="PlainInterval"/>, so logs of short runs stay quiet. Thread-safe: replications report
/// concurrently.
/// </summary>
public sealed class ProgressReporter
{
    /// <summary>Time between plain progress lines when stderr is not a terminal.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _writer;
    private readonly TimeSpan _interval;
    private readonly bool _interactive;
    private readonly bool _enabled;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _done;
    private TimeSpan _last = TimeSpan.Zero;
    private bool _drawn;

    public ProgressReporter(TextWriter writer, bool interactive, bool enabled, long totalHouseholdYears, TimeSpan? interval = null)
    {
        _writer = writer;
        _interval = interval ?? (interactive ? RedrawInterval : PlainInterval);
        _interactive = interactive;
        _enabled = enabled;
        _total = Math.Max(1, totalHouseholdYears);
    }

    /// <summary>A reporter that says nothing.</summary>
    public static ProgressReporter Silent { get; } = new(TextWriter.Null, false, false, 1);

    /// <summary>Whether stderr is this process's own terminal (a bar can be drawn).</summary>
    public static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Whether a bar is being drawn (then per-year log lines go to the log file only).</summary>
    public bool DrawsBar => _enabled && _interactive;

    /// <summary>Records a simulated year of one run.</summary>
    public void YearDone(string what, int year, long households)
    {
        if (!_enabled) return;
        lock (_gate)
        {
            _done += households;
            var now = _clock.Elapsed;
            if (now - _last < _interval) return;
            _last = now;
            Write(what, year, now);
        }
    }

    /// <summary>Clears the bar at the end.</summary>
    public void Finish()
    {
        if (!_enabled) return;
        lock (_gate)
        {
            if (_interactive && _drawn) _writer.Write("\r" + new string(' ', 100) + "\r");
            _writer.Flush();
        }
    }

    private void Write(string what, int year, TimeSpan now)
    {
        double fraction = Math.Min(1, _done / (double)_total);
        double rate = _done / Math.Max(now.TotalSeconds, 1e-9);
        var left = TimeSpan.FromSeconds(rate > 0 ? (_total - _done) / rate : 0);
        string status = string.Create(CultureInfo.InvariantCulture,
            $"{what}, year {year}: {100 * fraction:0}%, {rate:N0} household-years/s, {left:mm\\:ss} left");
        if (_interactive)
        {
            const int width = 24;
            int filled = (int)Math.Round(fraction * width);
            string line = $"[{new string('#', filled)}{new string('.', width - filled)}] {status}";
            _writer.Write("\r" + (line.Length > 99 ? line[..99] : line.PadRight(99)));
            _drawn = true;
        }
        else
        {
            _writer.WriteLine($"progress: {status}");
        }
        _writer.Flush();
    }
}
