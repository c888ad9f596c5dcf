using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Host.Runs;

/// <summary>`ecosim run` and `ecosim resume`: check the input, run the scenario's replications (with checkpoints when asked), write the run directory atomically.</summary>
public static class RunHandler
{
    /// <summary>A checked run: what runs, from where it came, where it goes, and its checkpoints.</summary>
    private sealed record Input(Scenario Scenario, string Source, string Sha256, string OutPath, HouseholdDumps? Dumps, CheckpointPlan? Checkpoints, bool Keep)
    {
        /// <summary>The sensitivity analysis the report cites (--sensitivity), or null.</summary>
        public Reports.Html.SensitivitySummary? Sensitivity { get; init; }
    }

    public static Task<int> ExecuteAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        ExecuteAsync(request, CheckpointRequest.None, stdout, stderr, cancellationToken);

    public static async Task<int> ExecuteAsync(RunRequest request, CheckpointRequest checkpoints, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (input, exit) = await CommandSession.CheckAsync(() =>
        {
            var (scenario, loaded) = CommandSession.LoadChecked(request.Scenario, request);
            var dumps = HouseholdDumps.Parse(request, scenario);
            if (checkpoints.Every is not null && dumps is not null)
            {
                throw new UsageException("--dump-households cannot be combined with --checkpoint-every: the dumps of the years before a resume would be lost");
            }
            Func<int, ReplicationCheckpoint?>? from = null;
            if (checkpoints.From is { } fork) (scenario, from) = CheckpointRun.Fork(fork, scenario, request);
            string outPath = CommandSession.OutPath(request, $"{CommandSession.Slug(scenario.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
            string? directory = checkpoints.Every is null ? null : CheckpointRun.Begin(outPath, request, scenario, loaded, checkpoints);
            var plan = directory is null && from is null ? null : new CheckpointPlan { Directory = directory, Every = checkpoints.Every ?? 0, KeepAll = checkpoints.Keep, From = from };
            return new Input(scenario, loaded.Source, loaded.Sha256, outPath, dumps, plan, checkpoints.Keep) { Sensitivity = request.LoadSensitivity(scenario.Name) };
        }, stderr);
        return input is null ? exit : await RunAsync(request, input, stdout, stderr, cancellationToken);
    }

    /// <summary>`ecosim resume OUT`: the interrupted run continues from each replication's last checkpoint into OUT.</summary>
    /// <remarks>The run's own engine unless <paramref name="engine"/> says otherwise (a checkpoint continues on any engine to the same bytes).</remarks>
    public static async Task<int> ResumeAsync(string outPath, Engine.Engines.EngineKind? engine, RunRequest options, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        RunRequest? request = null;
        var (input, exit) = await CommandSession.CheckAsync(() =>
        {
            var (info, scenario, directory) = CheckpointRun.Resume(outPath);
            request = options with
            {
                Scenario = info.Source, Out = outPath, CommandLine = info.CommandLine,
                Engine = engine ?? (info.Engine == "inprocess" ? Engine.Engines.EngineKind.InProcess : Engine.Engines.EngineKind.Orleans),
                Parallel = options.Parallel ?? info.Parallel,
            };
            var plan = new CheckpointPlan { Directory = directory, Every = info.Every, KeepAll = info.Keep, From = CheckpointRun.Latest(directory) };
            return new Input(scenario, info.Source, info.Sha256, outPath, null, plan, info.Keep);
        }, stderr);
        return input is null ? exit : await RunAsync(request!, input, stdout, stderr, cancellationToken);
    }

    private static async Task<int> RunAsync(RunRequest request, Input input, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var scenario = input.Scenario;
        string left = input.Checkpoints?.Directory is null
            ? "no output directory was written"
            : $"no output directory was written; 'ecosim resume {input.OutPath}' continues from the last checkpoint";
        using var directory = RunDirectory.Create(input.OutPath, request.Force);
        return await CommandSession.ExecuteAsync(request, scenario, (long)scenario.Households * scenario.Years * scenario.Replications,
            directory.File(RunLogging.FileName), "run", left, stdout, stderr, async (session, experiment) =>
            {
                session.Log.Information("Running {Scenario} ({Source}): {Households} households, {Start}-{End}, seed {Seed}, {Replications} replication(s), engine {Engine}",
                    scenario.Name, input.Source, scenario.Households, scenario.StartYear, scenario.EndYear, scenario.Seed, scenario.Replications,
                    experiment.Engine.Engine);
                var result = await experiment.RunAsync(scenario, session.Parallelism(scenario),
                    session.Observer(done => input.Dumps?.Write(done, directory.WorkPath)), cancellationToken, input.Checkpoints);
                var run = new ScenarioRun(result, input.Source, input.Sha256, request.CommandLine, session.Started) { Sensitivity = input.Sensitivity };
                var kept = new List<string>();
                if (input.Keep && input.Checkpoints?.Directory is { } checkpoints)
                {
                    CheckpointRun.Keep(checkpoints, directory.WorkPath);
                    kept.AddRange(Directory.EnumerateFiles(directory.File("checkpoints"), "*", SearchOption.AllDirectories)
                        .Select(f => Path.GetRelativePath(directory.WorkPath, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
                }
                RunOutputs.WriteRun(directory.WorkPath, run, [.. input.Dumps?.Written() ?? [], .. kept, RunLogging.FileName]);
                return () =>
                {
                    directory.Commit();
                    if (input.Checkpoints?.Directory is { } done) CheckpointRun.Remove(done);
                    return directory.FinalPath;
                };
            }, cancellationToken);
    }
}
