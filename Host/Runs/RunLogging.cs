using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>Serilog for a run: the console (stderr, so stdout stays for results) and a log file in the run directory.</summary>
public static class RunLogging
{
    public const string FileName = "ecosim.log";

    /// <summary>A property that keeps an event off the console (the command reports it on stderr in its own words).</summary>
    public const string FileOnly = "FileOnly";

    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>A logger; Orleans, Microsoft.* and Polly log at Warning and above unless <paramref name="level"/> is more verbose than Debug.</summary>
    public static Logger Create(LogEventLevel level, string? file, LogEventLevel? consoleLevel = null)
    {
        var frameworkLevel = level <= LogEventLevel.Verbose ? LogEventLevel.Debug : LogEventLevel.Warning;
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Orleans", frameworkLevel)
            .MinimumLevel.Override("Microsoft", frameworkLevel)
            // Orleans' placement runs through a Polly resilience pipeline that logs every activation at Information.
            .MinimumLevel.Override("Polly", frameworkLevel)
            // The watchdog's first check after start can report the machine's uptime as a stall; real stalls show elsewhere.
            .MinimumLevel.Override("Orleans.Runtime.Watchdog", LogEventLevel.Error)
            // What the command says itself on stderr (a failure, with its trace) goes to the log file only.
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(e => e.Properties.ContainsKey(FileOnly))
                .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: ConsoleTemplate,
                    standardErrorFromLevel: LogEventLevel.Verbose, restrictedToMinimumLevel: consoleLevel ?? LogEventLevel.Verbose));
        if (file is not null)
        {
            config = config.WriteTo.File(file, formatProvider: CultureInfo.InvariantCulture);
        }
        return config.CreateLogger();
    }
}
