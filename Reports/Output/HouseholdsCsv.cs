using System.Globalization;
using EcosystemSim.Model;
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
    public static IReadOnlyList<(string Name, string Meaning)> Columns { get; } =
    [
        ("household_id", "The household's id (stable across years and engines)."),
        ("region", "east, central, west or northeast."),
        ("county", "The county's id."),
        ("members", "Members living in the household at the end of the year."),
        ("weight", "Real households (and persons) each simulated one stands for; a person's weight in the measures is members * weight."),
        ("market_income_per_capita", "Market income (earnings and remittances) per member, yuan."),
        ("post_transfer_income_per_capita", "Disposable income (NBS definition) per member, yuan; inequality and poverty measures bottom-code it at 1."),
        ("pension_income", "Resident pensions received: minimum, top-up and account pension, yuan."),
        ("dibao_income", "Dibao received, yuan."),
        ("medical_reimbursements", "Basic medical insurance, critical illness insurance and medical assistance paid towards the household's bills, yuan."),
        ("medical_oop", "Out-of-pocket medical spending, yuan."),
        ("contributions_paid", "Pension contributions paid by the household (not by the government for it), yuan."),
        ("premiums_paid", "Resident medical insurance premiums paid by the household, yuan."),
        ("supplementary_premiums_paid", "Premiums and supplementary pension contributions the household paid to insurers (net of government subsidies), yuan."),
        ("in_poverty", "1 if post-transfer income per capita is below the poverty line, else 0."),
        ("catastrophic_health", "1 if out-of-pocket medical spending is at least the catastrophic share of the capacity to pay, else 0."),
        ("impoverished_by_illness", "1 if the household is above the poverty line on disposable income and below it once its bills are paid."),
        ("elderly", "Members at or above the pension age."),
        ("pension_eligible", "Members who may contribute to the pension (16 to below the pension age, not receiving)."),
        ("pension_contributors", "Members who contributed this year."),
        ("pension_recipients", "Members receiving the resident pension."),
        ("medical_enrolled", "Members enrolled in the resident medical insurance."),
        ("supplementary_medical_holders", "Members holding a medical top-up."),
        ("dibao_eligible", "1 if the household's true income is below the dibao standard."),
        ("dibao_receiving", "1 if the household receives dibao."),
        ("aged_under_16", "Members under 16 (the breakdown age:0-15)."),
        ("aged_60_plus", "Members aged 60 or more (the breakdown age:60+; age:16-59 is members less both)."),
        ("aged_under_14", "Members under 14 (children of the OECD-modified equivalence scale)."),
    ];

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
        // Nominal yuan are written exactly (whole fen); constant prices are a division, written in full.
        string Yuan(long fen) => priceLevel == 1 ? (fen / 100m).ToString(CultureInfo.InvariantCulture) : Number(Money.ToYuan(fen) / priceLevel);
        foreach (var r in year.Households)
        {
            if (r.Members == 0) continue;
            csv.WriteRow(
                r.HouseholdId.ToString(CultureInfo.InvariantCulture),
                Regions.Name(r.Region),
                r.County.ToString(CultureInfo.InvariantCulture),
                r.Members.ToString(CultureInfo.InvariantCulture),
                weight,
                Number(Money.ToYuan(r.MarketIncomeFen) / r.Members / priceLevel),
                Number(Money.ToYuan(r.DisposableIncomeFen) / r.Members / priceLevel),
                Yuan(r.PensionPaidFen),
                Yuan(r.DibaoFen),
                Yuan(r.MedicalReimbursementsFen),
                Yuan(r.OutOfPocketFen),
                Yuan(r.ContributionFen),
                Yuan(r.PremiumsFen),
                Yuan(r.SupplementaryPremiumsFen),
                Flag(r.InPoverty),
                Flag(r.Catastrophic),
                Flag(r.ImpoverishedByIllness),
                r.Elderly.ToString(CultureInfo.InvariantCulture),
                r.PensionEligible.ToString(CultureInfo.InvariantCulture),
                r.PensionContributors.ToString(CultureInfo.InvariantCulture),
                r.PensionRecipients.ToString(CultureInfo.InvariantCulture),
                r.MedicalEnrolled.ToString(CultureInfo.InvariantCulture),
                r.SupplementaryMedicalHolders.ToString(CultureInfo.InvariantCulture),
                Flag(r.DibaoEligible),
                Flag(r.DibaoReceiving),
                r.AgedUnder16.ToString(CultureInfo.InvariantCulture),
                r.Aged60Plus.ToString(CultureInfo.InvariantCulture),
                r.AgedUnder14.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);


    private static string Flag(bool value) => value ? "1" : "0";
}
