using System.CommandLine;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim list`: the built-in scenarios, one line each, with the question each answers.</summary>
public static class ListCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("list", "List the built-in scenarios and the question each answers.");
        command.SetAction(async (_, _) =>
        {
            int width = ScenarioCatalogue.Names.Max(n => n.Length);
            foreach (string name in ScenarioCatalogue.Names)
            {
                try
                {
                    var s = ScenarioLoader.Load(name).Scenario;
                    await stdout.WriteLineAsync($"{name.PadRight(width)}  {s.Question}");
                }
                catch (ScenarioException e)
                {
                    // A broken built-in is a bug, but list the rest.
                    await stderr.WriteLineAsync(e.Problems[0].ToString());
                    return ExitCodes.RunFailed;
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
