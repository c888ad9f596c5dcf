using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>`ecosim run`: check the input, run the scenario's replications, write the run directory atomically.</summary>
public static class RunHandler
{
    private sealed record Input(Scenario Scenario, LoadedScenario Loaded, string OutPath, IReadOnlyList<int> DumpYears);

    public static async Task<int> ExecuteAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (input, exit) = await CommandSession.CheckAsync(() =>
        {
            var (scenario, loaded) = CommandSession.LoadChecked(request.Scenario, request);
            var dumpYears = request.DumpHouseholds is { } dump
                ? YearSelection.Parse("--dump-households", dump, scenario.StartYear, scenario.EndYear)
                : [];
            string outPath = CommandSession.OutPath(request, $"{CommandSession.Slug(scenario.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
            return new Input(scenario, loaded, outPath, dumpYears);
        }, stderr);
        if (input is null) return exit;

        var scenario = input.Scenario;
        using var directory = RunDirectory.Create(input.OutPath, request.Force);
        return await CommandSession.ExecuteAsync(request, scenario, (long)scenario.Households * scenario.Years * scenario.Replications,
            directory.File(RunLogging.FileName), "run", "no output directory was written", stdout, stderr, async (session, experiment) =>
            {
                session.Log.Information("Running {Scenario} ({Source}): {Households} households, {Start}-{End}, seed {Seed}, {Replications} replication(s), engine {Engine}",
                    scenario.Name, input.Loaded.Source, scenario.Households, scenario.StartYear, scenario.EndYear, scenario.Seed, scenario.Replications,
                    experiment.Engine.Engine);
                var dumped = new List<string>();
                var result = await experiment.RunAsync(scenario, session.Parallelism(scenario), session.Observer(done =>
                {
                    // Households of replication 0 only: the others are the same population under other draws.
                    if (done.Replication != 0 || !input.DumpYears.Contains(done.Records.Year)) return;
                    HouseholdsCsv.Write(done.Records, directory.File(HouseholdsCsv.FileName(done.Records.Year)));
                    lock (dumped) dumped.Add(HouseholdsCsv.FileName(done.Records.Year));
                }), cancellationToken);
                var run = new ScenarioRun(result, input.Loaded.Source, input.Loaded.Sha256, request.CommandLine, session.Started);
                RunOutputs.WriteRun(directory.WorkPath, run, [.. dumped.Order(), RunLogging.FileName]);
                return () =>
                {
                    directory.Commit();
                    return directory.FinalPath;
                };
            }, cancellationToken);
    }
}
