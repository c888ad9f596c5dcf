using System.Diagnostics;
using EcosystemSim.Host.Cli;
using EcosystemSim.Host.Engines;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using Serilog.Events;

namespace EcosystemSim.Host.Runs;

/// <summary>`ecosim run`: check the input, run the scenario's replications on the chosen engine, write the run directory atomically.</summary>
public static class RunHandler
{
    public static async Task<int> ExecuteAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Scenario scenario;
        LoadedScenario loaded;
        string outPath;
        IReadOnlyList<int> dumpYears = [];
        try
        {
            loaded = ScenarioLoader.Load(request.Scenario);
            scenario = ScenarioOverrides.Apply(loaded.Scenario, request);
            var problems = ScenarioLoader.Check(scenario, loaded.Source);
            if (problems.Count > 0) throw new ScenarioException(problems);
            if (request.DumpHouseholds is { } dump) dumpYears = YearSelection.Parse("--dump-households", dump, scenario.StartYear, scenario.EndYear);
            outPath = request.Out ?? Path.Combine("runs", $"{Slug(scenario.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
            if (!request.Force && (Directory.Exists(outPath) || File.Exists(outPath)))
            {
                throw new UsageException($"--out: {outPath} already exists; choose another directory or pass --force to replace it");
            }
        }
        catch (Exception e) when (e is ScenarioException or UsageException)
        {
            return await CommandOutcome.BadInputAsync(e, stderr);
        }

        using var directory = RunDirectory.Create(outPath, request.Force);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var progress = Progress(request, stderr, (long)scenario.Households * scenario.Years * scenario.Replications);
        var log = RunLogging.Create(request.LogLevel, directory.File(RunLogging.FileName), progress.DrawsBar ? LogEventLevel.Warning : null);
        try
        {
            log.Information("Running {Scenario} ({Source}): {Households} households, {Start}-{End}, seed {Seed}, {Replications} replication(s), engine {Engine}",
                scenario.Name, loaded.Source, scenario.Households, scenario.StartYear, scenario.EndYear, scenario.Seed, scenario.Replications,
                request.Engine == EngineKind.InProcess ? "inprocess" : "orleans");
            var dumped = new List<string>();
            ScenarioRun run;
            await using (var host = await EngineHost.StartAsync(request.Engine, log, cancellationToken))
            {
                int parallelism = request.Parallel ?? Replications.DefaultParallelism(scenario.Replications);
                var results = await Replications.RunAsync(host, scenario, parallelism, log, progress, cancellationToken, (replication, year) =>
                {
                    // Households of replication 0 only: the others are the same population under other draws.
                    if (replication != 0 || !dumpYears.Contains(year.Year)) return;
                    HouseholdsCsv.Write(year, directory.File(HouseholdsCsv.FileName(year.Year)));
                    lock (dumped) dumped.Add(HouseholdsCsv.FileName(year.Year));
                });
                progress.Finish();
                run = new ScenarioRun(scenario, loaded.Source, loaded.Sha256, results, host.Engine, host.Silos, request.CommandLine, started, clock.Elapsed);
            }
            RunOutputs.WriteRun(directory.WorkPath, run, [.. dumped, RunLogging.FileName]);
            log.Information("Finished in {Seconds:F1}s; writing {Directory}", clock.Elapsed.TotalSeconds, directory.FinalPath);
            await log.DisposeAsync();
            directory.Commit();
            await stdout.WriteLineAsync(directory.FinalPath);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await CommandOutcome.InterruptedAsync(log, progress, stderr, "no output directory was written");
        }
        catch (Exception e)
        {
            return await CommandOutcome.FailedAsync(log, progress, stderr, e, "run");
        }
    }

    /// <summary>The progress display for a command: off when quiet.</summary>
    public static ProgressReporter Progress(RunRequest request, TextWriter stderr, long householdYears) =>
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
