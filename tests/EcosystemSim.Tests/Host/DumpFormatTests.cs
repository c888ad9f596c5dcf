using System.Globalization;
using System.Text.Json.Nodes;
using EcosystemSim.Reports.Output;
using EcosystemSim.Tests.Support;
using Parquet;

namespace EcosystemSim.Tests.Host;

/// <summary>Household dumps as Parquet hold the CSV's values; `compare` dumps every scenario as `run` would.</summary>
public class DumpFormatTests
{
    private static readonly string[] Small = ["--engine", "inprocess", "--households", "700", "--years", "7", "-q"];

    [Fact]
    public async Task A_parquet_dump_holds_the_same_columns_and_values_as_the_csv()
    {
        using var temp = new TempDirectory();
        var csv = await Cli.Run(["run", "baseline", "--out", temp["c"], "--dump-households", "2023", .. Small]);
        var parquet = await Cli.Run(["run", "baseline", "--out", temp["p"], "--dump-households", "2023", "--format", "parquet", .. Small]);
        Assert.True(csv.ExitCode == 0 && parquet.ExitCode == 0, csv.Stderr + parquet.Stderr);
        Assert.Contains("households_2023.parquet", JsonNode.Parse(File.ReadAllText(temp["p/manifest.json"]))!["files"]!.AsArray().Select(f => (string)f!));
        Assert.False(File.Exists(temp["p/households_2023.csv"]));
        // The same run either way: only the dump's format differs.
        Assert.Equal(File.ReadAllBytes(temp["c/metrics.csv"]), File.ReadAllBytes(temp["p/metrics.csv"]));

        var rows = File.ReadLines(temp["c/households_2023.csv"]).Select(l => l.Split(',')).ToArray();
        await using var reader = await ParquetReader.CreateAsync(temp["p/households_2023.parquet"]);
        Assert.Equal(rows[0], reader.Schema.DataFields.Select(f => f.Name).ToArray());
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(rows.Length - 1, group.RowCount);
        int n = (int)group.RowCount;
        foreach (var (field, c) in reader.Schema.DataFields.Select((f, i) => (f, i)))
        {
            var cells = rows.Skip(1).Select(r => r[c]).ToArray();
            if (field.ClrType == typeof(int))
            {
                var values = new int[n];
                await group.ReadAsync<int>(field, values);
                Assert.Equal(cells.Select(x => int.Parse(x, CultureInfo.InvariantCulture)), values);
            }
            else if (field.ClrType == typeof(double))
            {
                var values = new double[n];
                await group.ReadAsync<double>(field, values);
                Assert.Equal(cells.Select(x => double.Parse(x, CultureInfo.InvariantCulture)), values);
            }
            else
            {
                var values = new string[n];
                await group.ReadAsync(field, values);
                Assert.Equal(cells, values);
            }
        }
    }

    [Fact]
    public async Task Compare_dumps_each_scenario_into_its_own_directory_as_run_does()
    {
        using var temp = new TempDirectory();
        var compare = await Cli.Run(["compare", "baseline", "benefit-raise", "--out", temp["cmp"], "--replications", "2", "--dump-households", "last",
            "--dump-replications", "all", .. Small]);
        var run = await Cli.Run(["run", "baseline", "--out", temp["run"], "--replications", "2", "--dump-households", "last", "--dump-replications", "all", .. Small]);
        Assert.True(compare.ExitCode == 0 && run.ExitCode == 0, compare.Stderr + run.Stderr);
        foreach (string file in new[] { "households_2027.csv", "households_2027_r1.csv" })
        {
            Assert.Equal(File.ReadAllBytes(temp[$"run/{file}"]), File.ReadAllBytes(temp[$"cmp/baseline/{file}"]));
            Assert.True(File.Exists(temp[$"cmp/benefit-raise/{file}"]), file);
            Assert.Contains($"benefit-raise/{file}", JsonNode.Parse(File.ReadAllText(temp["cmp/manifest.json"]))!["files"]!.AsArray().Select(f => (string)f!));
            Assert.Contains(file, JsonNode.Parse(File.ReadAllText(temp["cmp/benefit-raise/manifest.json"]))!["files"]!.AsArray().Select(f => (string)f!));
        }
        // The reform pays more pension than the baseline in its last year: the dumps are of different runs.
        Assert.NotEqual(File.ReadAllBytes(temp["cmp/baseline/households_2027.csv"]), File.ReadAllBytes(temp["cmp/benefit-raise/households_2027.csv"]));
    }

    [Theory]
    [InlineData("run baseline --dump-households last --format xml", "ecosim: --format: 'xml' is not csv or parquet")]
    [InlineData("run baseline --format parquet", "ecosim: --format needs --dump-households YEARS")]
    [InlineData("compare baseline benefit-raise --dump-households 2040", "ecosim: --dump-households: ")]
    [InlineData("compare baseline benefit-raise --dump-replications 1", "ecosim: --dump-replications needs --dump-households YEARS")]
    public async Task Bad_dump_options_are_bad_input(string command, string line)
    {
        using var temp = new TempDirectory();
        await Cli.Refuses([.. command.Split(' '), "--out", temp["o"], .. Small], line, temp["o"]);
    }

    [Fact]
    public void The_parquet_schema_is_the_dump_columns() =>
        Assert.Equal(HouseholdsCsv.ColumnNames, HouseholdsParquet.Schema.DataFields.Select(f => f.Name));
}
