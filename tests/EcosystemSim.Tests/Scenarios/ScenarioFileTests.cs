using System.Diagnostics;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>Issue 12 items 8 and 15: only regular files are read as scenarios; a file's base that names itself means the built-in.</summary>
public class ScenarioFileTests
{
    [Fact]
    public async Task A_device_a_fifo_and_a_link_to_a_device_are_refused_by_type_before_reading()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        using (var mkfifo = Process.Start("mkfifo", [temp["pipe.yaml"]])!) await mkfifo.WaitForExitAsync();
        File.CreateSymbolicLink(temp["zero.yaml"], "/dev/zero");
        await File.WriteAllTextAsync(temp["reform.yaml"], "base: pipe.yaml\n");
        foreach (string path in new[] { "/dev/zero", temp["pipe.yaml"], temp["zero.yaml"] })
        {
            var problem = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Problems);
            Assert.Contains("is not a regular file", problem.Message, StringComparison.Ordinal);
        }
        // Through a base too, and through the command line, without hanging.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await Cli.Run(["run", temp["reform.yaml"], "--engine", "inprocess", "-q"], timeout.Token);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("base", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_baseline_yaml_with_base_baseline_builds_on_the_built_in_and_builtin_names_it_explicitly()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp["baseline.yaml"], "base: baseline\nname: my-baseline\nhouseholds: 300\n");
        await File.WriteAllTextAsync(temp["reform.yaml"], "base: builtin:premium-spiral\nname: reform\n");
        await File.WriteAllTextAsync(temp["premium-spiral.yaml"], "base: baseline.yaml\nname: not-the-built-in\n");
        var mine = ScenarioLoader.Load(temp["baseline.yaml"]).Scenario;
        Assert.Equal(300, mine.Households);
        Assert.Equal(ScenarioLoader.Load("baseline").Scenario.Seed, mine.Seed);
        var reform = ScenarioLoader.Load(temp["reform.yaml"]).Scenario;
        Assert.Equal(ScenarioLoader.Load("premium-spiral").Scenario.Model.Market.Products.Length, reform.Model.Market.Products.Length);
        var unknown = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("base: builtin:nope\n"u8.ToArray(), "x.yaml"));
        Assert.Contains("no built-in scenario 'nope'", Assert.Single(unknown.Problems).Message, StringComparison.Ordinal);
    }
}
