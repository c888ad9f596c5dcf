using System.Diagnostics;
using EcosystemSim.Host.Cli;
using EcosystemSim.Host.Engines;
using EcosystemSim.Model.World;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>`ecosim run`: check the input, run the scenario on the chosen engine, write the run directory atomically.</summary>
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
            outPath = request.Out ?? Path.Combine("runs", $"{scenario.Name}-{DateTime.Now:yyyyMMdd-HHmmss}");
            if (!request.Force && (Directory.Exists(outPath) || File.Exists(outPath)))
            {
                throw new UsageException($"--out: {outPath} already exists; choose another directory or pass --force to replace it");
            }
        }
        catch (ScenarioException e)
        {
            foreach (var problem in e.Problems) await stderr.WriteLineAsync(problem.ToString());
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"ecosim: {e.Message}");
            return ExitCodes.BadInput;
        }

        using var directory = RunDirectory.Create(outPath, request.Force);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var log = RunLogging.Create(request.LogLevel, directory.File(RunLogging.FileName));
        try
        {
            log.Information("Running {Scenario} ({Source}): {Households} households, {Start}-{End}, seed {Seed}, engine {Engine}",
                scenario.Name, loaded.Source, scenario.Households, scenario.StartYear, scenario.EndYear, scenario.Seed, EngineName(request.Engine));
            var plan = new RunPlan($"{scenario.Name}-{Guid.NewGuid():N}", scenario.Model, scenario.Seed, scenario.StartYear, scenario.Years,
                WorldLayout.Build(scenario.Model, scenario.Households, scenario.Seed)) { Timeline = ScenarioTimeline.Compile(scenario) };
            RunResult result;
            await using (var simulation = await CreateEngine(request.Engine, log, cancellationToken))
            {
                var dumped = new List<string>();
                result = await SimulationRunner.RunAsync(simulation, plan, 0, log, cancellationToken, year =>
                {
                    if (!dumpYears.Contains(year.Year)) return;
                    HouseholdsCsv.Write(year, directory.File(HouseholdsCsv.FileName(year.Year)));
                    dumped.Add(HouseholdsCsv.FileName(year.Year));
                });
                var files = RunOutputs.WriteResults(directory, result.Metrics, result.Lorenz,
                    RunOutputs.Context(scenario, loaded.Source, result.Population.Households, simulation.Engine));
                files.AddRange(dumped);
                files.Add(RunLogging.FileName);
                files.Add(RunOutputs.ManifestFile);
                double wall = clock.Elapsed.TotalSeconds;
                RunOutputs.WriteManifest(directory, new Manifest
                {
                    Scenario = scenario.Name,
                    ScenarioSource = loaded.Source,
                    ScenarioSha256 = loaded.Sha256,
                    Description = scenario.Description,
                    Question = scenario.Question,
                    Parameters = ScenarioWriter.ToJson(scenario),
                    Seed = scenario.Seed,
                    Seeds = [scenario.Seed],
                    Households = result.Population.Households,
                    Persons = result.Population.Persons,
                    Weight = result.Weight,
                    StartYear = scenario.StartYear,
                    EndYear = scenario.EndYear,
                    Years = scenario.Years,
                    Replications = 1,
                    Engine = simulation.Engine,
                    Silos = simulation.Silos,
                    ProgramVersion = ProgramInfo.Version,
                    ProgramCommit = ProgramInfo.Commit,
                    CommandLine = request.CommandLine,
                    StartedUtc = started,
                    FinishedUtc = DateTimeOffset.UtcNow,
                    WallSeconds = wall,
                    HouseholdYearsPerSecond = (double)result.Population.Households * scenario.Years / result.Years.TotalSeconds,
                    Files = files,
                });
            }
            log.Information("Finished in {Seconds:F1}s; writing {Directory}", clock.Elapsed.TotalSeconds, directory.FinalPath);
            await log.DisposeAsync();
            directory.Commit();
            await stdout.WriteLineAsync(directory.FinalPath);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Warning("Interrupted; nothing was written");
            await log.DisposeAsync();
            await stderr.WriteLineAsync("ecosim: interrupted; no output directory was written");
            return ExitCodes.RunFailed;
        }
        catch (Exception e)
        {
            log.Error(e, "The run failed");
            await log.DisposeAsync();
            await stderr.WriteLineAsync($"ecosim: the run failed: {e.GetBaseException().Message}");
            return ExitCodes.RunFailed;
        }
    }

    private static string EngineName(EngineKind engine) => engine == EngineKind.InProcess ? "inprocess" : "orleans";

    private static async Task<ISimulation> CreateEngine(EngineKind engine, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        if (engine == EngineKind.InProcess) return new InProcessSimulation();
        var silo = await EmbeddedSilo.StartAsync(log, cancellationToken);
        return new OrleansSimulation(silo.Grains, 1, silo.DisposeAsync);
    }
}
