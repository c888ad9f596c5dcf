using EcosystemSim.Host.Cli;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;

namespace EcosystemSim.Host.Runs;

/// <summary>How `run`, `compare` and `sweep` end when they cannot succeed: the exit code and the lines on stderr.</summary>
public static class CommandOutcome
{
    /// <summary>Bad input: every problem of a scenario, one line each, or the one problem of an argument; exit code 2.</summary>
    public static async Task<int> BadInputAsync(Exception e, TextWriter stderr)
    {
        if (e is ScenarioException s)
        {
            foreach (var problem in s.Problems) await stderr.WriteLineAsync(problem.ToString());
        }
        else
        {
            await stderr.WriteLineAsync($"ecosim: {e.Message}");
        }
        return ExitCodes.BadInput;
    }

    /// <summary>Interrupted by the user: logged, one line saying what is left; exit code 1.</summary>
    public static async Task<int> InterruptedAsync(Logger log, ProgressReporter progress, TextWriter stderr, string left)
    {
        progress.Finish();
        log.ForContext(RunLogging.FileOnly, true).Information("Interrupted; {Left}", left);
        await CloseAsync(log);
        await stderr.WriteLineAsync($"ecosim: interrupted; {left}");
        return ExitCodes.RunFailed;
    }

    /// <summary>
    /// The work failed: the exception in the log, its innermost message on stderr with where the log
    /// is; exit code 1. A log inside an output that is being discarded is kept in the temporary folder.
    /// </summary>
    public static async Task<int> FailedAsync(Logger log, ProgressReporter progress, TextWriter stderr, Exception e, string what, string? logFile = null)
    {
        progress.Finish();
        log.ForContext(RunLogging.FileOnly, true).Error(e, "The {What} failed", what);
        await CloseAsync(log);
        string where = KeptLog(logFile, e) is { } kept ? $" (details in {kept})" : "";
        await stderr.WriteLineAsync($"ecosim: the {what} failed: {Cause(e.GetBaseException())}{where}");
        return ExitCodes.RunFailed;
    }

    /// <summary>
    /// The innermost exception in words; a full disk (ENOSPC, however .NET words it) and running out
    /// of memory (which .NET words as the exception's type) are named as such.
    /// </summary>
    internal static string Cause(Exception e)
    {
        const int NoSpace = 28; // ENOSPC on Linux
        e = ProcessGuard.Innermost(e);
        string message = ProcessGuard.Describe(e);
        bool full = e is IOException && ((e.HResult & 0xFFFF) == NoSpace || message.Contains("disk was full", StringComparison.Ordinal) ||
                                         message.Contains("No space left", StringComparison.Ordinal));
        return full ? $"the disk is full ({message})" : message;
    }

    /// <summary>
    /// Where the log of a failed command can be read: its own file, or a copy in the temporary folder
    /// when it was in an output being discarded. A log that could not be written (its disk full) is
    /// empty: the copy then holds the failure itself, so the line never points at an empty file.
    /// </summary>
    private static string? KeptLog(string? logFile, Exception failure)
    {
        if (logFile is null || !File.Exists(logFile)) return null;
        if (!logFile.Contains(".partial-", StringComparison.Ordinal)) return logFile;
        try
        {
            string kept = Path.Combine(Path.GetTempPath(), $"ecosim-failed-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.Copy(logFile, kept, overwrite: true);
            if (new FileInfo(kept).Length == 0) File.WriteAllText(kept, $"The command's log was empty when it failed (could it not be written?); the failure:\n{failure}\n");
            return kept;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Closes the log; a log that cannot be flushed (a full disk) must not hide the line the user is owed.</summary>
    private static async Task CloseAsync(Logger log)
    {
        try
        {
            await log.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The failure being reported is what matters; the log is as complete as the disk allowed.
        }
    }
}
