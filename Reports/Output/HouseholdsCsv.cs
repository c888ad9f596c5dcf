using System.Globalization;
using System.Text;
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
    ];

    public static string Header { get; } = string.Join(',', Columns.Select(c => c.Name));

    /// <summary>Writes the year's households to a file.</summary>
    public static void Write(YearRecords year, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.Write(Header);
        writer.Write('\n');
        var sb = new StringBuilder(256);
        foreach (var r in year.Households)
        {
            if (r.Members == 0) continue;
            sb.Clear();
            sb.Append(r.HouseholdId.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(Regions.Name(r.Region)).Append(',')
              .Append(r.County.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.Members.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(Number(year.Weight)).Append(',')
              .Append(Number(Money.ToYuan(r.MarketIncomeFen) / r.Members)).Append(',')
              .Append(Number(Money.ToYuan(r.DisposableIncomeFen) / r.Members)).Append(',')
              .Append(Yuan(r.PensionPaidFen)).Append(',')
              .Append(Yuan(r.DibaoFen)).Append(',')
              .Append(Yuan(r.MedicalReimbursementsFen)).Append(',')
              .Append(Yuan(r.OutOfPocketFen)).Append(',')
              .Append(Yuan(r.ContributionFen)).Append(',')
              .Append(Yuan(r.PremiumsFen)).Append(',')
              .Append(Yuan(r.SupplementaryPremiumsFen)).Append(',')
              .Append(Flag(r.InPoverty)).Append(',')
              .Append(Flag(r.Catastrophic)).Append(',')
              .Append(Flag(r.ImpoverishedByIllness)).Append(',')
              .Append(r.Elderly.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.PensionEligible.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.PensionContributors.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.PensionRecipients.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.MedicalEnrolled.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(r.SupplementaryMedicalHolders.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(Flag(r.DibaoEligible)).Append(',')
              .Append(Flag(r.DibaoReceiving)).Append('\n');
            writer.Write(sb);
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Yuan(long fen) => (fen / 100m).ToString(CultureInfo.InvariantCulture);

    private static char Flag(bool value) => value ? '1' : '0';
}
