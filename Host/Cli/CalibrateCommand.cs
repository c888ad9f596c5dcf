using System.CommandLine;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Calibration;
using EcosystemSim.Host.Runs;
using EcosystemSim.Scenarios.Loading;
using Serilog.Events;

namespace EcosystemSim.Host.Cli;

/// <summary>`ecosim calibrate`: the baseline against the published 2021 figures, written to docs/calibration.md.</summary>
public static class CalibrateCommand
{
    public const int DefaultSeeds = 5;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var seeds = new Option<int>("--seeds") { Description = "Seeds to average over.", DefaultValueFactory = _ => DefaultSeeds };
        var households = new Option<int?>("--households") { Description = "Simulated households (default: the baseline's)." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Markdown file to write.",
            DefaultValueFactory = _ => Path.Combine("docs", "calibration.md"),
        };
        var command = new Command("calibrate", "Run the baseline for several seeds and compare it with the published 2021 figures (writes docs/calibration.md).")
        {
            seeds, households, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(seeds);
            if (n is < 1 or > 100)
            {
                await stderr.WriteLineAsync($"ecosim: --seeds: {n} is out of range: must be between 1 and 100");
                return ExitCodes.BadInput;
            }
            var baseline = ScenarioLoader.Load("baseline").Scenario;
            int size = parse.GetValue(households) ?? baseline.Households;
            if (size < 1)
            {
                await stderr.WriteLineAsync($"ecosim: --households: {size} is out of range: must be at least 1");
                return ExitCodes.BadInput;
            }
            string path = parse.GetValue(output)!;
            if (GeneratedPage.WhyNotWritable(path, CalibrationReport.Title, "calibrate") is { } refused)
            {
                await stderr.WriteLineAsync($"ecosim: --out: {refused}");
                return ExitCodes.BadInput;
            }
            using var log = RunLogging.Create(LogEventLevel.Information, null);
            var results = await Calibrator.RunAsync(baseline, n, size, log, cancellationToken);
            string markdown = CalibrationReport.Markdown(results, baseline, n, size);
            await GeneratedPage.WriteAsync(path, markdown, cancellationToken);
            await stdout.WriteLineAsync(markdown);
            return results.All(r => r.Met || !r.Target.Required) ? ExitCodes.Success : ExitCodes.RunFailed;
        });
        return command;
    }
}
