using System.CommandLine;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Runs;
using EcosystemSim.Host.Validation;
using EcosystemSim.Scenarios.Loading;
using Serilog.Events;

namespace EcosystemSim.Host.Cli;

/// <summary>
/// `ecosim backtest`: the calibration targets and the backtest from 2016 (the built-in `backtest`
/// scenario) against the published figures, written to docs/validation.md.
/// </summary>
public static class BacktestCommand
{
    /// <summary>Seeds of the page in the repository: few enough for the test that keeps it current.</summary>
    public const int DefaultSeeds = 5;

    /// <summary>Households of the page in the repository: small enough for the test that keeps it current.</summary>
    public const int DefaultHouseholds = 4000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var seeds = new Option<int>("--seeds") { Description = "Seeds to average over.", DefaultValueFactory = _ => DefaultSeeds };
        var households = new Option<int>("--households")
        {
            Description = "Simulated households of every run.", DefaultValueFactory = _ => DefaultHouseholds,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Markdown file to write.",
            DefaultValueFactory = _ => Path.Combine("docs", "validation.md"),
        };
        var command = new Command("backtest",
            "Run the baseline from 2021 and the backtest from 2016 for several seeds and compare them with the published figures (writes docs/validation.md).")
        {
            seeds, households, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(seeds);
            int size = parse.GetValue(households);
            string path = parse.GetValue(output)!;
            string? problem = n is < 1 or > 100 ? $"--seeds: {n} is out of range: must be between 1 and 100"
                : size < 1 ? $"--households: {size} is out of range: must be at least 1"
                : GeneratedPage.WhyNotWritable(path, ValidationReport.Title, "backtest") is { } refused ? $"--out: {refused}"
                : null;
            if (problem is not null)
            {
                await stderr.WriteLineAsync($"ecosim: {problem}");
                return ExitCodes.BadInput;
            }
            using var log = RunLogging.Create(LogEventLevel.Information, null);
            var baseline = ScenarioLoader.Load("baseline").Scenario;
            var backtest = ScenarioLoader.Load(BacktestTargets.Scenario).Scenario;
            var results = await Validator.RunAsync(baseline, backtest, n, size, log, cancellationToken);
            string markdown = ValidationReport.Markdown(results);
            await GeneratedPage.WriteAsync(path, markdown, cancellationToken);
            await stdout.WriteLineAsync(markdown);
            return results.RequiredMet ? ExitCodes.Success : ExitCodes.RunFailed;
        });
        return command;
    }
}
