using System.Runtime.InteropServices;

namespace EcosystemSim.Host.Cli;

/// <summary>
/// The process's own handling of Ctrl-C, SIGTERM and exceptions nobody caught: Ctrl-C and SIGTERM
/// cancel the command (which then ends with exit code 1 and one line, leaving no output behind)
/// instead of killing the process with 130; an exception that escapes every handler (on any
/// thread) is one line on stderr and exit code 1, never a .NET trace on the terminal.
/// </summary>
public sealed class ProcessGuard : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _signals = [];

    private ProcessGuard(TextWriter stderr)
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                _cancel.Cancel();
            }));
        }
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            string message = e.ExceptionObject is Exception x ? Describe(x) : OneLine(e.ExceptionObject?.ToString() ?? "unknown error");
            stderr.WriteLine($"ecosim: the command failed: {message}");
            stderr.Flush();
            Environment.Exit(ExitCodes.RunFailed);
        };
        TaskScheduler.UnobservedTaskException += (_, e) => e.SetObserved();
    }

    /// <summary>Cancelled by Ctrl-C or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Installs the handlers: the first thing the program does.</summary>
    public static ProcessGuard Install(TextWriter stderr) => new(stderr);

    /// <summary>What a failure that ran out of memory says (.NET words it as the exception's type).</summary>
    public const string OutOfMemory = "out of memory: the work needs more memory than this process may use (fewer households, fewer replications at once, " +
                                      "or more memory; docs/performance.md gives the peak at a million households)";

    /// <summary>An exception as one line of words: the innermost one's message (the first of an aggregate's), running out of memory named as such.</summary>
    public static string Describe(Exception e)
    {
        var inner = Innermost(e);
        return inner is OutOfMemoryException ? OutOfMemory : OneLine(inner.Message);
    }

    /// <summary>The innermost exception, through aggregates of several (whose base exception is themselves): the first of each.</summary>
    public static Exception Innermost(Exception e)
    {
        while (true)
        {
            e = e.GetBaseException();
            if (e is not AggregateException { InnerExceptions.Count: > 0 } aggregate) return e;
            e = aggregate.InnerExceptions[0];
        }
    }

    /// <summary>A message on one line.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // A second Ctrl-C while the first is being honoured ends the process as usual.
        if (_cancel.IsCancellationRequested) return;
        e.Cancel = true;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        foreach (var s in _signals) s.Dispose();
        _cancel.Dispose();
    }
}
