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
        foreach (string field in new[] { "inprocess_household_years_per_s", "orleans_household_years_per_s", "inprocess_cpu_us_per_household_year",
                     "orleans_cpu_us_per_household_year", "orleans_activation_us_per_household", "overhead_ratio", "peak_working_set_mb" })
        {
            Assert.True(root.GetProperty(field).GetDouble() > 0, field);
        }
    }

    [Fact]
    public async Task Bench_repeated_reports_each_figure_as_the_median_of_the_repeats_with_its_range()
    {
        var result = await Cli.Run("bench", "--households", "300", "--years", "2", "--engines", "inprocess", "--repeat", "3", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("repeat").GetInt32());
        Assert.Equal(300, root.GetProperty("households").GetInt32());
        // The steady rate is timed, so it varies between repeats: the median lies within its range.
        double median = root.GetProperty("inprocess_household_years_per_s").GetDouble();
        var range = root.GetProperty("inprocess_household_years_per_s_range").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(2, range.Length);
        Assert.InRange(median, range[0], range[1]);
        Assert.True(range[0] < range[1]);
    }

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 10.0 }, 3.5)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones(double[] values, double median) =>
        Assert.Equal(median, EcosystemSim.Host.Runs.BenchRepeats.Median(values));

    [Theory]
    [InlineData("--repeat 0", "ecosim: --repeat: 0 is out of range: must be between 1 and 20")]
    [InlineData("--repeat many", "ecosim: --repeat must be a whole number from 1 to 20; 'many' is not")]
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
