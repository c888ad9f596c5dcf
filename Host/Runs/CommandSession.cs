using System.Diagnostics;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Core;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// What `run`, `compare` and `sweep` share once their input is checked: the progress display, the
/// log, the engine and the experiment on it, and how the command ends (success, interruption,
/// failure). Each command gives only its own work: what it runs through the experiment layer and
/// what it writes.
/// </summary>
public sealed class CommandSession
{
    private CommandSession(RunRequest request, ProgressReporter progress, Logger log)
    {
        Request = request;
        Progress = progress;
        Log = log;
    }

    public RunRequest Request { get; }

    public ProgressReporter Progress { get; }

    public Logger Log { get; }

    /// <summary>Time since the session started.</summary>
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>Replications run at once: --parallel, or one per core.</summary>
    public int Parallelism(Scenario scenario) => Request.Parallel ?? Experiment.DefaultParallelism(scenario.Replications);

    /// <summary>
    /// Tells the progress display about each year done. <paramref name="also"/> reads the year's
    /// records within the call, never after: their memory takes a later year (<see cref="RunObserver.ReuseRecordMemory"/>).
    /// </summary>
    public RunObserver Observer(Action<YearDone>? also = null) => new()
    {
        ReuseRecordMemory = true,
        YearDone = done =>
        {
            also?.Invoke(done);
            Progress.YearDone(done.Label, done.Records.Year, done.Households);
        },
    };

    /// <summary>
    /// Runs a command's work on a fresh engine, once it is clear the work fits in memory (<paramref name="size"/>: households and replications). <paramref name="work"/> runs its experiments and
    /// writes its files, and returns what commits them; this logs the end, closes the log (which
    /// may live in the output), commits and prints the output's path. Interruption and failure end
    /// with exit code 1 and one line on stderr; <paramref name="leftOnInterrupt"/> says what is left.
    /// </summary>
    public static async Task<int> ExecuteAsync(RunRequest request, Scenario size, long householdYears, string? logFile, string what, string leftOnInterrupt,
        TextWriter stdout, TextWriter stderr, Func<CommandSession, Experiment, Task<Func<string>>> work, CancellationToken cancellationToken)
    {
        if (await RefuseTooBigAsync(request, size, what, stderr) is { } refused) return refused;
        var progress = ProgressFor(request, stderr, householdYears);
        var log = RunLogging.Create(request.LogLevel, logFile, progress.DrawsBar ? LogEventLevel.Warning : null);
        var session = new CommandSession(request, progress, log);
        EngineHost? engine = null;
        try
        {
            Func<string> commit;
            await using (engine = await StartEngineAsync(request, log, cancellationToken))
            {
                try
                {
                    commit = await work(session, new Experiment(engine, log));
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // A failure on a cluster may be a silo's loss that the watch has not yet seen: asked now, it is reported as such below.
                    await engine.CheckLostAsync();
                    throw;
                }
            }
            progress.Finish();
            log.Information("Finished in {Seconds:F1}s", session.Clock.Elapsed.TotalSeconds);
            await log.DisposeAsync();
            await stdout.WriteLineAsync(commit());
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await CommandOutcome.InterruptedAsync(log, progress, stderr, leftOnInterrupt);
        }
        catch (ClusterUnavailableException e)
        {
            // Nothing ran: the reason is the whole story, without a log to look in.
            progress.Finish();
            log.ForContext(RunLogging.FileOnly, true).Error("The {What} cannot start: {Reason}", what, e.Message);
            await log.DisposeAsync();
            await stderr.WriteLineAsync($"ecosim: the {what} cannot start: {ProcessGuard.OneLine(e.Message)}");
            return ExitCodes.RunFailed;
        }
        catch (Exception e) when (engine?.Lost is { } lost)
        {
            // What failed the calls is the client's own disconnect; the cause is the silo lost, and like an interruption it leaves what it leaves.
            log.ForContext(RunLogging.FileOnly, true).Error(e, "The {What} failed: {Lost}", what, lost);
            return await CommandOutcome.FailedAsync(log, progress, stderr, new ClusterUnavailableException($"{lost}; {leftOnInterrupt}"), what, logFile);
        }
        catch (Exception e)
        {
            return await CommandOutcome.FailedAsync(log, progress, stderr, e, what, logFile);
        }
    }

    /// <summary>The engine the request asks for: the cluster of --cluster (reached as a client), else one started in this process.</summary>
    private static Task<EngineHost> StartEngineAsync(RunRequest request, Logger log, CancellationToken cancellationToken) =>
        request.Cluster is { } cluster
            ? EngineHost.ConnectAsync(cluster, request.ClusterId, log, cancellationToken)
            : EngineHost.StartAsync(request.Engine, log, cancellationToken);

    /// <summary>A run that cannot fit in memory: reported (exit code 1) before anything starts or is touched; null when it fits.</summary>
    public static async Task<int?> RefuseTooBigAsync(RunRequest request, Scenario size, string what, TextWriter stderr)
    {
        // On a cluster the agents live on the silos, whose memory this process cannot see; it holds the results and a year's records (docs/cluster.md).
        if (request.Cluster is not null) return null;
        int atOnce = Math.Min(size.Replications, request.Parallel ?? Experiment.DefaultParallelism(size.Replications));
        if (MemoryEstimate.WhyItCannotFit(request.Engine, size.Households, atOnce) is not { } tooBig) return null;
        await stderr.WriteLineAsync($"ecosim: the {what} cannot start: {tooBig}");
        return ExitCodes.RunFailed;
    }

    /// <summary>Checks a command's input: bad input is reported (exit code 2) and null returned.</summary>
    public static async Task<(T? Value, int ExitCode)> CheckAsync<T>(Func<T> check, TextWriter stderr) where T : class
    {
        try
        {
            return (check(), ExitCodes.Success);
        }
        catch (Exception e) when (e is ScenarioException or UsageException)
        {
            return (null, await CommandOutcome.BadInputAsync(e, stderr));
        }
    }

    /// <summary>A scenario loaded, with the command line's overrides, and checked.</summary>
    public static (Scenario Scenario, LoadedScenario Loaded) LoadChecked(string nameOrPath, RunRequest request)
    {
        var loaded = ScenarioLoader.Load(nameOrPath);
        ManifestCheck.Verify(nameOrPath, loaded.Scenario);
        var scenario = ScenarioOverrides.Apply(loaded.Scenario, request);
        var problems = ScenarioLoader.Check(scenario, loaded.Source);
        if (problems.Count > 0) throw new ScenarioException(problems);
        return (scenario, loaded);
    }

    /// <summary>The output directory: --out, or runs/NAME-TIMESTAMP; an existing one needs --force, and only an ecosim output may be replaced.</summary>
    public static string OutPath(RunRequest request, string defaultName)
    {
        string outPath = request.Out ?? Path.Combine("runs", defaultName);
        if (OutputSafety.WhyNotWritable(outPath) is { } unwritable) throw new UsageException($"--out: {unwritable}");
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outPath));
        OutputSafety.CleanLeftovers(Path.GetDirectoryName(full) ?? full, Path.GetFileName(full));
        if (!request.Force && (Directory.Exists(outPath) || File.Exists(outPath)))
        {
            throw new UsageException($"--out: {outPath} already exists; choose another directory or pass --force to replace it");
        }
        if (request.Force && OutputSafety.WhyNotReplaceable(outPath) is { } refused) throw new UsageException($"--out: {refused}");
        return outPath;
    }

    /// <summary>The progress display for a command: off when quiet.</summary>
    public static ProgressReporter ProgressFor(RunRequest request, TextWriter stderr, long householdYears) =>
        request.LogLevel >= LogEventLevel.Warning
            ? ProgressReporter.Silent
            : new ProgressReporter(stderr, ProgressReporter.IsTerminal(stderr), enabled: true, householdYears);

    /// <summary>A scenario name made safe as a directory name.</summary>
    public static string Slug(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        string slug = new string(chars).Trim('-', '.');
        return slug.Length == 0 ? "run" : slug;
    }
}
