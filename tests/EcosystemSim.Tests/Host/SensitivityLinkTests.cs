using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>Reports say what their intervals mean and cite a sensitivity analysis of their scenario when given one (`--sensitivity DIR`).</summary>
public class SensitivityLinkTests
{
    private static readonly string[] Small = ["--engine", "inprocess", "--households", "400", "--years", "3", "-q"];

    [Fact]
    public async Task Run_and_compare_reports_name_the_leading_parameters_and_link_the_analysis()
    {
        using var temp = new TempDirectory();
        var sensitivity = await Cli.Run(["sensitivity", "baseline", "--params", "pension.top_up_income_elasticity,income.log_sd", "--metrics", "avg_monthly_pension_yuan",
            "--trajectories", "2", "--out", temp["sens"], .. Small]);
        Assert.True(sensitivity.ExitCode == 0, sensitivity.Stderr);
        var run = await Cli.Run(["run", "baseline", "--sensitivity", temp["sens"], "--out", temp["run"], .. Small]);
        var compare = await Cli.Run(["compare", "baseline", "benefit-raise", "--years", "7", "--sensitivity", temp["sens"], "--out", temp["cmp"],
            "--engine", "inprocess", "--households", "400", "-q"]);
        Assert.True(run.ExitCode == 0 && compare.ExitCode == 0, run.Stderr + compare.Stderr);
        foreach (var (report, link) in new[] { ("run/report.html", "../sens/sensitivity.csv"), ("cmp/report.html", "../sens/sensitivity.csv"), ("cmp/baseline/report.html", "../../sens/sensitivity.csv") })
        {
            string html = File.ReadAllText(temp[report]);
            Assert.Contains("A sensitivity analysis of baseline over the uncertainty ranges of its assumed parameters (morris; by Morris mu*)", html, StringComparison.Ordinal);
            Assert.Contains("avg_monthly_pension_yuan (national, 2023): pension.top_up_income_elasticity", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{link}\">", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(temp[report])!, link))), $"{report} links {link}, which is not there");
        }
        // The reform's own report does not cite an analysis of another scenario.
        Assert.DoesNotContain("A sensitivity analysis", File.ReadAllText(temp["cmp/benefit-raise/report.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_that_is_not_a_sensitivity_output_is_bad_input()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp["empty"]);
        string line = await Cli.Refuses(["run", "baseline", "--sensitivity", temp["empty"], "--out", temp["o"], .. Small], "ecosim: --sensitivity: ", temp["o"]);
        Assert.Contains("is not the output of ecosim sensitivity", line, StringComparison.Ordinal);
    }
}
