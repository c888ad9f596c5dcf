using System.CommandLine;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim validate SCENARIO...`: check files without running them.</summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = "Scenario files or built-in names.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check scenario files without running them; every problem is listed.") { scenarios };
        command.SetAction(async (parse, _) =>
        {
            int exit = ExitCodes.Success;
            foreach (string path in parse.GetValue(scenarios)!)
            {
                try
                {
                    var s = ScenarioLoader.Load(path).Scenario;
                    await stdout.WriteLineAsync($"ok: {path} ({s.Name}: {s.Households} households, {s.StartYear}-{s.EndYear}, seed {s.Seed})");
                }
                catch (ScenarioException e)
                {
                    foreach (var problem in e.Problems) await stderr.WriteLineAsync(problem.ToString());
                    exit = ExitCodes.BadInput;
                }
            }
            return exit;
        });
        return command;
    }
}
