using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

public class ValidateAndListTests
{
    [Fact]
    public async Task List_shows_each_built_in_scenario_with_its_question()
    {
        var result = await Cli.Run("list");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("baseline", StringComparison.Ordinal) && l.Contains('?', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_accepts_good_files_and_lists_every_problem_of_bad_ones()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp["bad.yaml"], "sead: 1\nyears: -3\n");
        var result = await Cli.Run("validate", "baseline", temp["bad.yaml"]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ok: baseline", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, result.StderrLines.Length);
        Assert.All(result.StderrLines, l => Assert.StartsWith(temp["bad.yaml"], l, StringComparison.Ordinal));
    }
}
