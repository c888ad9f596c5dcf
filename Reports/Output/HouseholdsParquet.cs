using EcosystemSim.Model;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Metrics;
using Parquet;
using Parquet.Schema;

namespace EcosystemSim.Reports.Output;

/// <summary>
/// households_YYYY.parquet: the household dump's columns (<see cref="HouseholdColumn.All"/>) as a
/// Parquet file, for pandas (`pd.read_parquet`), R (`arrow::read_parquet`) and the like, which load a
/// million households from it in a fraction of the time the CSV takes. Integers and flags are 32-bit
/// integers, the region is a string, per-capita incomes and the weight are doubles, and money is a
/// double of yuan (exact to the fen at nominal prices). One row group per dump, Snappy compressed.
/// </summary>
public static class HouseholdsParquet
{
    public const string Extension = ".parquet";

    /// <summary>The dump of one replication: replication 0 is households_YYYY.parquet, replication r households_YYYY_rR.parquet.</summary>
    public static string FileName(int year, int replication) => Path.ChangeExtension(HouseholdsCsv.FileName(year, replication), Extension);

    /// <summary>The file's schema: a field per column, typed as the class summary says.</summary>
    public static ParquetSchema Schema { get; } = new(HouseholdColumn.All.Select(Field).ToArray());

    private static DataField Field(HouseholdColumn c) => c.Type switch
    {
        HouseholdColumnType.Integer or HouseholdColumnType.Flag => new DataField<int>(c.Name),
        HouseholdColumnType.Text => new DataField<string>(c.Name),
        _ => new DataField<double>(c.Name),
    };

    /// <summary>Writes the year's households with members; money divided by <paramref name="priceLevel"/> (1 for nominal yuan).</summary>
    public static void Write(YearRecords year, string path, double priceLevel = 1)
    {
        var households = year.Households.Where(r => r.Members > 0).ToArray();
        using var stream = File.Create(path);
        // The writer's API is asynchronous; the dump is written on the caller's thread like the CSV.
        WriteAsync(households, year.Weight, priceLevel, stream).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(HouseholdYearRecord[] households, double weight, double priceLevel, Stream stream)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream, options);
        using var group = writer.CreateRowGroup();
        var fields = Schema.DataFields;
        for (int c = 0; c < HouseholdColumn.All.Count; c++)
        {
            var column = HouseholdColumn.All[c];
            switch (column.Type)
            {
                case HouseholdColumnType.Integer or HouseholdColumnType.Flag:
                    await group.WriteAsync<int>(fields[c], households.Select(r => checked((int)column.Whole!(r, priceLevel))).ToArray());
                    break;
                case HouseholdColumnType.Text:
                    await group.WriteAsync(fields[c], households.Select(r => column.Text!(r)).ToArray());
                    break;
                case HouseholdColumnType.Money:
                    await group.WriteAsync<double>(fields[c], households.Select(r => Money.ToYuan(column.Whole!(r, priceLevel)) / priceLevel).ToArray());
                    break;
                default:
                    await group.WriteAsync<double>(fields[c], column.Number is { } number
                        ? households.Select(r => number(r, priceLevel)).ToArray()
                        : households.Select(_ => weight).ToArray());
                    break;
            }
        }
    }
}
