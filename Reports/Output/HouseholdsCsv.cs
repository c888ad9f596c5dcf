using System.Globalization;
using EcosystemSim.Model;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Metrics;

namespace EcosystemSim.Reports.Output;

/// <summary>
/// households_YYYY.csv: one row per household with members, so that anyone can recompute the metrics
/// (OUTPUTS.md). Money is annual yuan for the whole household unless the column says per capita;
/// per-capita incomes are written unrounded (they read back as the same doubles).
/// </summary>
public static class HouseholdsCsv
{
    public static string FileName(int year) => $"households_{year.ToString(CultureInfo.InvariantCulture)}.csv";

    /// <summary>The dump of one replication: replication 0 is households_YYYY.csv, replication r households_YYYY_rR.csv.</summary>
    public static string FileName(int year, int replication) =>
        replication == 0 ? FileName(year) : $"households_{year.ToString(CultureInfo.InvariantCulture)}_r{replication.ToString(CultureInfo.InvariantCulture)}.csv";

    /// <summary>The columns, in order, with their meanings (for docs/outputs.md).</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Columns { get; } = HouseholdColumn.All.Select(c => (c.Name, c.Meaning)).ToArray();

    public static string Header { get; } = string.Join(',', Columns.Select(c => c.Name));

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = Columns.Select(c => c.Name).ToArray();

    /// <summary>
    /// Writes the year's households to a file; amounts of money are divided by <paramref name="priceLevel"/>
    /// (the year's price level over the run's prices year, 1 for nominal yuan).
    /// </summary>
    public static void Write(YearRecords year, string path, double priceLevel = 1)
    {
        using var csv = Csv.ToFile(path, ColumnNames);
        WriteRows(year, csv, priceLevel);
    }

    /// <summary>Writes the year's households as CSV to <paramref name="writer"/>, left open.</summary>
    public static void Write(YearRecords year, TextWriter writer, double priceLevel = 1)
    {
        using var csv = Csv.Writer(writer, ColumnNames);
        WriteRows(year, csv, priceLevel);
    }

    private static void WriteRows(YearRecords year, CsvWriter csv, double priceLevel)
    {
        string weight = Number(year.Weight);
        var columns = HouseholdColumn.All;
        var row = new string[columns.Count];
        foreach (var r in year.Households)
        {
            if (r.Members == 0) continue;
            for (int c = 0; c < columns.Count; c++) row[c] = Cell(columns[c], r, weight, priceLevel);
            csv.WriteRow(row);
        }
    }

    /// <summary>
    /// One cell. Nominal money is written exactly (whole fen, as yuan with up to two decimals); constant
    /// prices are a division, written in full; real numbers read back as the same doubles.
    /// </summary>
    private static string Cell(HouseholdColumn column, in HouseholdYearRecord r, string weight, double priceLevel) => column.Type switch
    {
        HouseholdColumnType.Integer or HouseholdColumnType.Flag => column.Whole!(r, priceLevel).ToString(CultureInfo.InvariantCulture),
        HouseholdColumnType.Money => priceLevel == 1
            ? (column.Whole!(r, priceLevel) / 100m).ToString(CultureInfo.InvariantCulture)
            : Number(Money.ToYuan(column.Whole!(r, priceLevel)) / priceLevel),
        HouseholdColumnType.Real => column.Number is { } number ? Number(number(r, priceLevel)) : weight,
        _ => column.Text!(r),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);


    private static string Flag(bool value) => value ? "1" : "0";
}
