using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Calibration;
using EcosystemSim.Host.Cli;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Scenarios;
using Serilog.Core;

namespace EcosystemSim.Tests.Calibration;

/// <summary>The calibration at the default size and seeds, computed once for the tests that read it.</summary>
public sealed class CalibrationFixture
{
    public CalibrationFixture()
    {
        Baseline = ScenarioLoader.Load("baseline").Scenario;
        Results = Calibrator.RunAsync(Baseline, CalibrateCommand.DefaultSeeds, Baseline.Households, Logger.None, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    public EcosystemSim.Scenarios.Scenario Baseline { get; }

    public IReadOnlyList<CalibrationResult> Results { get; }
}

public class CalibrationTests(CalibrationFixture fixture) : IClassFixture<CalibrationFixture>
{
    public static TheoryData<string> RequiredTargets() => [.. CalibrationTargets.All.Where(t => t.Required).Select(t => t.Quantity)];

    [Theory]
    [MemberData(nameof(RequiredTargets))]
    public void The_baseline_meets_each_required_2021_target(string quantity)
    {
        var result = fixture.Results.Single(r => r.Target.Quantity == quantity);
        Assert.True(result.Met, $"{quantity}: simulated {result.Mean:G4}, accepted {result.Target.Low:G4} to {result.Target.High:G4}");
    }

    [Fact]
    public void Calibration_docs_are_current()
    {
        string expected = CalibrationReport.Markdown(fixture.Results, fixture.Baseline, CalibrateCommand.DefaultSeeds, fixture.Baseline.Households);
        string path = Path.Combine(ScenarioLoaderTests.RepositoryRoot(), "docs", "calibration.md");
        if (Environment.GetEnvironmentVariable("ECOSIM_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            "docs/calibration.md is stale: run `dotnet run --project Host -c Release -- calibrate` or ECOSIM_UPDATE_DOCS=1 dotnet test --filter Calibration");
    }
}
