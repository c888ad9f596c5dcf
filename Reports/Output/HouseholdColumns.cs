using EcosystemSim.Model;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Reports.Output;

/// <summary>What a column of a household dump holds, which decides how each format writes it.</summary>
public enum HouseholdColumnType
{
    /// <summary>A whole number (ids, counts of members).</summary>
    Integer,

    /// <summary>A real number written in full (per-capita incomes, the weight).</summary>
    Real,

    /// <summary>An amount of money in whole fen: exact yuan with two decimals at nominal prices, a real number at constant prices.</summary>
    Money,

    /// <summary>0 or 1.</summary>
    Flag,

    /// <summary>Text (the region).</summary>
    Text,
}

/// <summary>
/// One column of a household dump: its name, meaning and type, and how it is read off a household's
/// record. Both formats (<see cref="HouseholdsCsv"/>, <see cref="HouseholdsParquet"/>) write these
/// columns, so a CSV and a Parquet dump of the same year hold the same values.
/// </summary>
public sealed record HouseholdColumn(string Name, string Meaning, HouseholdColumnType Type, Func<HouseholdYearRecord, double, long>? Whole = null,
    Func<HouseholdYearRecord, double, double>? Number = null, Func<HouseholdYearRecord, string>? Text = null)
{
    private static HouseholdColumn Int(string name, string meaning, Func<HouseholdYearRecord, long> get) => new(name, meaning, HouseholdColumnType.Integer, Whole: (r, _) => get(r));

    private static HouseholdColumn Fen(string name, string meaning, Func<HouseholdYearRecord, long> get) => new(name, meaning, HouseholdColumnType.Money, Whole: (r, _) => get(r));

    private static HouseholdColumn Flag(string name, string meaning, Func<HouseholdYearRecord, bool> get) => new(name, meaning, HouseholdColumnType.Flag, Whole: (r, _) => get(r) ? 1 : 0);

    /// <summary>
    /// The columns, in order. Money is annual yuan for the whole household unless the column says per
    /// capita; the real-number getters take the price level the money is divided by (1 for nominal),
    /// and the weight column is filled by the writer from the year.
    /// </summary>
    public static IReadOnlyList<HouseholdColumn> All { get; } =
    [
        Int("household_id", "The household's id (stable across years and engines).", r => r.HouseholdId),
        new("region", "east, central, west or northeast.", HouseholdColumnType.Text, Text: r => Regions.Name(r.Region)),
        Int("county", "The county's id.", r => r.County),
        Int("members", "Members living in the household at the end of the year.", r => r.Members),
        new("weight", "Real households (and persons) each simulated one stands for; a person's weight in the measures is members * weight.", HouseholdColumnType.Real),
        new("market_income_per_capita", "Market income (earnings and remittances) per member, yuan.", HouseholdColumnType.Real,
            Number: (r, level) => Money.ToYuan(r.MarketIncomeFen) / r.Members / level),
        new("post_transfer_income_per_capita", "Disposable income (NBS definition) per member, yuan; inequality and poverty measures bottom-code it at 1.", HouseholdColumnType.Real,
            Number: (r, level) => Money.ToYuan(r.DisposableIncomeFen) / r.Members / level),
        Fen("pension_income", "Resident pensions received: minimum, top-up and account pension, yuan.", r => r.PensionPaidFen),
        Fen("dibao_income", "Dibao received, yuan.", r => r.DibaoFen),
        Fen("medical_reimbursements", "Basic medical insurance (the resident insurance, or the employee insurance for members insured at work), critical illness insurance and medical assistance paid towards the household's bills, yuan.", r => r.MedicalReimbursementsFen),
        Fen("medical_oop", "Out-of-pocket medical spending, yuan.", r => r.OutOfPocketFen),
        Fen("contributions_paid", "Pension contributions paid by the household (not by the government for it), yuan.", r => r.ContributionFen),
        Fen("premiums_paid", "Resident medical insurance premiums paid by the household, yuan.", r => r.PremiumsFen),
        Fen("supplementary_premiums_paid", "Premiums and supplementary pension contributions the household paid to insurers (net of government subsidies), yuan.", r => r.SupplementaryPremiumsFen),
        Flag("in_poverty", "1 if post-transfer income per capita (per equivalent adult under another welfare.equivalence_scale) is below the poverty line, else 0.", r => r.InPoverty),
        Flag("catastrophic_health", "1 if out-of-pocket medical spending is at least the catastrophic share of the capacity to pay, else 0.", r => r.Catastrophic),
        Flag("impoverished_by_illness", "1 if the household is above the poverty line on disposable income and below it once its bills are paid.", r => r.ImpoverishedByIllness),
        Int("elderly", "Members at or above the pension age.", r => r.Elderly),
        Int("pension_eligible", "Members who may contribute to the pension (16 to below the pension age, not receiving).", r => r.PensionEligible),
        Int("pension_contributors", "Members who contributed this year.", r => r.PensionContributors),
        Int("pension_recipients", "Members receiving the resident pension.", r => r.PensionRecipients),
        Int("medical_enrolled", "Members enrolled in the resident medical insurance.", r => r.MedicalEnrolled),
        Int("medical_insured_at_work", "Members working away insured in the urban employee medical insurance instead.", r => r.EmployeeMedical),
        Int("supplementary_medical_holders", "Members holding a medical top-up.", r => r.SupplementaryMedicalHolders),
        Flag("dibao_eligible", "1 if the household's true income is below the dibao standard.", r => r.DibaoEligible),
        Flag("dibao_receiving", "1 if the household receives dibao.", r => r.DibaoReceiving),
        Int("aged_under_16", "Members under 16 (the breakdown age:0-15).", r => r.AgedUnder16),
        Int("aged_60_plus", "Members aged 60 or more (the breakdown age:60+; age:16-59 is members less both).", r => r.Aged60Plus),
        Int("aged_under_14", "Members under 14 (children of the OECD-modified equivalence scale).", r => r.AgedUnder14),
    ];
}
