using System.Text.Json;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>The bench command at a tiny size, so that it cannot rot; its figures are measured with it, not asserted here.</summary>
public class BenchCommandTests
{
    [Fact]
    public async Task Bench_prints_one_json_object_with_the_documented_fields()
    {
        var result = await Cli.Run("bench", "--households", "400", "--years", "3", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(400, root.GetProperty("households").GetInt32());
        Assert.Equal(3, root.GetProperty("years").GetInt32());
        foreach (string field in new[] { "inprocess_household_years_per_s", "orleans_household_years_per_s", "orleans_activation_us_per_household", "overhead_ratio", "peak_working_set_mb" })
        {
            Assert.True(root.GetProperty(field).GetDouble() > 0, field);
        }
    }

    [Theory]
    [InlineData("--households 3 --years 2", "ecosim: --households:")]
    [InlineData("--engines cluster", "ecosim: --engines cluster needs --cluster URL")]
    [InlineData("--engines all", "ecosim: --engines: 'all' is not both, inprocess, orleans or cluster")]
    [InlineData("--cluster http://x:1", "ecosim: --cluster:")]
    public async Task Bench_refuses_bad_options_with_one_line(string options, string line)
    {
        var result = await Cli.Run(["bench", .. options.Split(' ')]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(line, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
