using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Output;
using EcosystemSim.Tests.Support;
using nietras.SeparatedValues;

namespace EcosystemSim.Tests.Reports;

/// <summary>Every CSV file is RFC 4180: fields with a comma, quote or line break are quoted and read back whole.</summary>
public class CsvTests
{
    /// <summary>The header and every row's fields, read with Sep's reader (quotes removed); throws if a row has another field count than the header.</summary>
    private static (string[] Header, List<string[]> Rows) Parse(string text)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(text);
        string[] header = [.. reader.Header.ColNames];
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            Assert.Equal(header.Length, row.ColCount);
            var fields = new string[row.ColCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
            rows.Add(fields);
        }
        return (header, rows);
    }

    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_round_trip()
    {
        string[] header = ["plain", "with,comma", "with \"quote\""];
        string[][] rows =
        [
            ["a", "b,c", "say \"hi\""],
            ["line\nfeed", "carriage\rreturn", "both\r\nends"],
            ["", "\"", ",,,"],
            [" spaced ", "1.5", "NaN"],
        ];
        string text = Csv.ToText(header, rows);
        var (readHeader, readRows) = Parse(text);
        Assert.Equal(header, readHeader);
        Assert.Equal(rows.Length, readRows.Count);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(rows[i], readRows[i]);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_that_need_no_quoting_are_joined_by_commas_with_LF_line_ends()
    {
        string text = Csv.ToText(["a", "b"], [["1", "x y"], ["NaN", "-0.25"]]);
        Assert.Equal("a,b\n1,x y\nNaN,-0.25\n", text);
        Assert.Equal("a,b\n", Csv.ToText(["a", "b"], []));
    }

    [Fact]
    public void The_writer_uses_LF_whatever_the_text_writers_new_line()
    {
        var text = new StringWriter { NewLine = "\r\n" };
        Csv.Write(text, ["a"], [["1"], ["2"]]);
        Assert.Equal("a\n1\n2\n", text.ToString());
    }

    [Fact]
    public void A_row_with_another_field_count_than_the_header_is_refused()
    {
        using var text = new StringWriter();
        using var csv = Csv.Writer(text, ["a", "b"]);
        Assert.Throws<ArgumentException>(() => csv.WriteRow("1", "2", "3"));
        Assert.Throws<ArgumentException>(() => csv.WriteRow("1"));
        csv.WriteRow("1", "2");
        csv.Dispose();
        Assert.Equal("a,b\n1,2\n", text.ToString());
    }

    [Fact]
    public void A_comparison_table_quotes_a_scenario_name_with_a_comma()
    {
        var baseline = new MetricsTable();
        baseline.AddRange([new MetricRow(0, 2021, "national", "gini", 0.4)]);
        var reform = new MetricsTable();
        reform.AddRange([new MetricRow(0, 2021, "national", "gini", 0.35)]);
        var table = ComparisonTable.Of([baseline], [("raise, \"indexed\"", [reform])]);
        var (header, rows) = Parse(table.ToCsv());
        Assert.Equal(ComparisonTable.Header, string.Join(',', header));
        Assert.Equal("raise, \"indexed\"", Assert.Single(rows)[0]);
    }

    [Fact]
    public async Task Compare_with_a_scenario_named_with_a_comma_writes_a_comparison_csv_with_the_headers_field_count()
    {
        using var temp = new TempDirectory();
        string scenario = temp["raise.yaml"];
        await File.WriteAllTextAsync(scenario, "base: baseline\nname: \"raise, indexed\"\n");
        var result = await Cli.Run("compare", "baseline", scenario, "--out", temp["c"], "--households", "200", "--years", "2",
            "--engine", "inprocess", "-q");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var (header, rows) = Parse(await File.ReadAllTextAsync(temp["c/comparison.csv"]));
        Assert.Equal(12, header.Length);
        Assert.Equal(ComparisonTable.Header, string.Join(',', header));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.All(rows, r => Assert.Equal("raise, indexed", r[0]));
    }

    [Fact]
    public async Task A_sweep_over_values_with_commas_writes_a_sweep_csv_with_the_headers_field_count()
    {
        using var temp = new TempDirectory();
        const string value = "{2021: 93, 2022: 120}";
        var result = await Cli.Run("sweep", "baseline", "--set", $"pension.minimum_monthly_yuan={value}", "--set", "pension.vesting_years=10,15",
            "--out", temp["s"], "--households", "200", "--years", "2", "--engine", "inprocess", "-q");
        Assert.True(result.ExitCode == 0, result.Stderr);
        string text = await File.ReadAllTextAsync(temp["s/sweep.csv"]);
        var (header, rows) = Parse(text);
        Assert.Equal(["point", "pension.minimum_monthly_yuan", "pension.vesting_years", .. MetricsTable.Columns], header);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.All(rows, r => Assert.Equal(value, r[1]));
        Assert.Equal(["001", "002"], rows.Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
        // Every point's metrics.csv rows follow its key, field for field.
        var (_, first) = Parse(await File.ReadAllTextAsync(temp["s/points/001/metrics.csv"]));
        var fromFirst = rows.Where(r => r[0] == "001").Select(r => r[3..]).ToArray();
        Assert.Equal(first.Count, fromFirst.Length);
        for (int i = 0; i < first.Count; i++) Assert.Equal(first[i], fromFirst[i]);
        Assert.False(File.Exists(temp["s/sweep.csv.partial"]));
    }
}
