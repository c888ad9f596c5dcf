using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>Issue 12 item 10: a --set value is one value of its field; paths see the swept scenario's own products; resuming does not depend on how the scenario is named.</summary>
public class SweepInputTests
{
    private static readonly string[] Small = ["--households", "200", "--years", "2", "--engine", "inprocess", "-q"];

    [Theory]
    [InlineData("pension.vesting_years=10\nmedical.reimbursement_ratio: 0.1", "line breaks")]
    [InlineData("pension.vesting_years=10 #,12", "'#'")]
    public async Task A_value_cannot_smuggle_in_another_field_or_a_comment(string set, string expected)
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["sweep", "baseline", "--set", set, "--out", temp["s"], .. Small]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["s/points"]));
    }

    [Fact]
    public async Task A_path_may_name_a_product_the_swept_scenario_defines_and_a_schedule_value_is_one_value()
    {
        using var temp = new TempDirectory();
        var result = await Cli.Run(["sweep", "premium-spiral", "--set", "market.products[open_cover].premium_yuan=300,500",
            "--set", "pension.minimum_monthly_yuan={2021: 93, 2022: 120}", "--out", temp["s"], .. Small]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, Directory.GetDirectories(temp["s/points"]).Length);
        Assert.Contains("\"premium_yuan\": 500", await File.ReadAllTextAsync(temp["s/points/002/manifest.json"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_resumes_whether_its_scenario_is_named_relatively_or_absolutely()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp["reform.yaml"], "base: baseline\nname: reform\n");
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), temp["reform.yaml"]);
        var first = await Cli.Run(["sweep", relative, "--set", "pension.vesting_years=10,15", "--out", temp["s"], .. Small]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var again = await Cli.Run(["sweep", temp["reform.yaml"], "--set", "pension.vesting_years=10,15", "--out", temp["s"], .. Small]);
        Assert.True(again.ExitCode == 0, again.Stderr);
    }
}
