namespace EcosystemSim.Model.Households;

/// <summary>
/// What one household reports for one year: counts of persons by status, the money that moved,
/// and its welfare flags. Reports computes every metric from these records, so anything a
/// metric needs is here. Amounts are for the whole household unless named per capita.
/// </summary>
// Immutable to Orleans: a record is built by the household's step and never changed after it is returned,
// so the per-household reply is passed by reference, not deep-copied (the hot path of the year protocol).
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public record struct HouseholdYearRecord
{
    public int HouseholdId { get; set; }
    public Region Region { get; set; }
    public int County { get; set; }

    // Demography (persons at the end of the year).

    /// <summary>Persons in the household at the end of the year.</summary>
    public int Members { get; set; }
    public int Children { get; set; }
    /// <summary>Members aged 16 to below the pension age.</summary>
    public int WorkingAge { get; set; }
    /// <summary>Members at or above the pension age.</summary>
    public int Elderly { get; set; }
    /// <summary>Members in each age band of supplementary medical pricing (for insurers' entry decisions).</summary>
    public int Band0 { get; set; }
    public int Band1 { get; set; }
    public int Band2 { get; set; }
    /// <summary>Members working away from home.</summary>
    public int Migrants { get; set; }
    public int Deaths { get; set; }
    public int Births { get; set; }
    /// <summary>Members who left the rural population for good this year.</summary>
    public int LeftRural { get; set; }

    // Resident basic pension.

    /// <summary>Members who may contribute: from the entry age to below the pension age, not yet receiving.</summary>
    public int PensionEligible { get; set; }
    /// <summary>Eligible members who contributed this year.</summary>
    public int PensionContributors { get; set; }
    /// <summary>Contributors who chose the lowest tier.</summary>
    public int PensionLowestTier { get; set; }
    /// <summary>Eligible members with at least one year of contributions (enrolled, paying or not).</summary>
    public int PensionEnrolled { get; set; }
    /// <summary>Members receiving the pension.</summary>
    public int PensionRecipients { get; set; }
    /// <summary>Contributions paid this year (including arrears made up at the pension age).</summary>
    public long ContributionFen { get; set; }
    /// <summary>Contributions the local government paid for members of dibao households.</summary>
    public long ContributionAidFen { get; set; }
    /// <summary>Village collective subsidies credited to the household's accounts.</summary>
    public long CollectiveFen { get; set; }
    /// <summary>Part of the contributions that made up missing years.</summary>
    public long MakeUpFen { get; set; }
    /// <summary>Local contribution subsidies credited to the household's accounts.</summary>
    public long SubsidyFen { get; set; }
    /// <summary>The part of the subsidies above the legal floors (discretionary).</summary>
    public long SubsidyAboveFloorFen { get; set; }
    /// <summary>Sum over recipients of their monthly pension this year.</summary>
    public long PensionMonthlyFen { get; set; }
    /// <summary>Annual pension paid: the national minimum part.</summary>
    public long MinimumPensionFen { get; set; }
    /// <summary>Annual pension paid: the local top-up part.</summary>
    public long TopUpFen { get; set; }
    /// <summary>Annual pension paid: the account part.</summary>
    public long AnnuityFen { get; set; }
    /// <summary>Part of the account pension drawn from members' own balances (the rest is paid by local finance once an account is empty).</summary>
    public long AnnuityFromAccountFen { get; set; }
    /// <summary>Individual account balances at the end of the year.</summary>
    public long AccountBalanceFen { get; set; }
    /// <summary>Balances that left the fund with members who died (inherited) or left the rural population (transferred).</summary>
    public long AccountsClosedFen { get; set; }

    // Resident basic medical insurance.

    public int MedicalEnrolled { get; set; }
    /// <summary>Members under 45 without a chronic condition.</summary>
    public int YoungHealthy { get; set; }
    public int YoungHealthyEnrolled { get; set; }
    /// <summary>Members with a chronic condition.</summary>
    public int Chronic { get; set; }
    public int Admissions { get; set; }
    /// <summary>Admissions of members enrolled in the basic medical insurance.</summary>
    public int AdmissionsEnrolled { get; set; }
    /// <summary>Admissions the insurance did not cover (not enrolled, or in a waiting period).</summary>
    public int AdmissionsUncovered { get; set; }
    /// <summary>Total medical spending: inpatient and outpatient.</summary>
    public long MedicalCostFen { get; set; }
    /// <summary>Paid by the basic medical insurance.</summary>
    public long ReimbursedFen { get; set; }
    /// <summary>Paid by critical illness insurance.</summary>
    public long CriticalIllnessFen { get; set; }
    /// <summary>Paid by medical assistance towards costs.</summary>
    public long AssistanceFen { get; set; }
    /// <summary>Out-of-pocket medical spending (after any medical top-up claim).</summary>
    public long OutOfPocketFen { get; set; }
    /// <summary>Premiums the household paid itself.</summary>
    public long PremiumsFen { get; set; }
    /// <summary>Premiums paid for the household by medical assistance.</summary>
    public long PremiumAssistanceFen { get; set; }

    // Dibao.

    /// <summary>Per-capita income (market income and pensions) below the dibao standard.</summary>
    public bool DibaoEligible { get; set; }
    public bool DibaoReceiving { get; set; }
    public long DibaoFen { get; set; }
    /// <summary>On dibao with no member of working age (treated as extremely poor).</summary>
    public bool ExtremePoor { get; set; }

    // Supplementary market.

    /// <summary>Members holding a medical top-up this year.</summary>
    public int SupplementaryMedicalHolders { get; set; }
    /// <summary>Holders with a chronic condition.</summary>
    public int SupplementaryMedicalChronicHolders { get; set; }
    /// <summary>Members contributing to a supplementary pension this year.</summary>
    public int SupplementaryPensionContributors { get; set; }
    /// <summary>Members receiving a supplementary annuity.</summary>
    public int SupplementaryPensionAnnuitants { get; set; }
    /// <summary>Premiums and contributions the household paid to insurers (commercial: spending, not deducted from disposable income).</summary>
    public long SupplementaryPremiumsFen { get; set; }
    /// <summary>Medical top-up claims paid to the household (they reduce its out-of-pocket spending).</summary>
    public long SupplementaryClaimsFen { get; set; }
    /// <summary>Supplementary annuities and accounts paid out to the household (private income).</summary>
    public long SupplementaryPayoutFen { get; set; }
    /// <summary>Claims refused because the condition was pre-existing and excluded.</summary>
    public int SupplementaryDenied { get; set; }
    /// <summary>The household's business with each product (null when none).</summary>
    public Market.ProductUse[]? Products { get; set; }

    // Income and welfare.

    /// <summary>Market income: earnings and remittances.</summary>
    public long MarketIncomeFen { get; set; }
    public long RemittancesFen { get; set; }
    /// <summary>Disposable income (NBS): market income plus public transfers (pensions, dibao, reimbursements, critical illness insurance, assistance) and supplementary pension payouts, less contributions and premiums to the public schemes.</summary>
    public long DisposableIncomeFen { get; set; }
    /// <summary>Per-capita disposable income below the poverty line.</summary>
    public bool InPoverty { get; set; }
    /// <summary>Out-of-pocket medical spending above the catastrophic share of capacity to pay.</summary>
    public bool Catastrophic { get; set; }
    /// <summary>At or above the poverty line on disposable income, below it on disposable income without medical reimbursements less out-of-pocket spending (what is left once the bills are paid).</summary>
    public bool ImpoverishedByIllness { get; set; }

    // Attitudes at the end of the year.

    public double Awareness { get; set; }
    public double Trust { get; set; }

    // Fixed age bands of the breakdowns (metrics.csv scopes age:0-15, age:16-59, age:60+), whatever the scheme's entry and pension ages.
    // Declared last: serialisation ids follow declaration order.

    /// <summary>Members under 16 at the end of the year.</summary>
    public int AgedUnder16 { get; set; }
    /// <summary>Members aged 60 or more at the end of the year.</summary>
    public int Aged60Plus { get; set; }
    /// <summary>Members under 14 at the end of the year (children of the OECD-modified equivalence scale).</summary>
    public int AgedUnder14 { get; set; }

    // Members insured at work (kept last: field identifiers follow declaration order).

    /// <summary>Members working away who are insured in the urban employee medical insurance this year, not in the resident insurance.</summary>
    public int EmployeeMedical { get; set; }
    /// <summary>Paid by the employee medical insurance (and its cover for large expenses) towards members insured at work.</summary>
    public long EmployeeSchemeFen { get; set; }

    /// <summary>Annual pension paid in total.</summary>
    public readonly long PensionPaidFen => MinimumPensionFen + TopUpFen + AnnuityFen;

    /// <summary>Medical reimbursements received: basic insurance (resident, or employee for members insured at work), critical illness insurance, assistance.</summary>
    public readonly long MedicalReimbursementsFen => ReimbursedFen + CriticalIllnessFen + AssistanceFen + EmployeeSchemeFen;

    /// <summary>Public transfers received: pensions, dibao, reimbursements, critical illness insurance and assistance.</summary>
    public readonly long PublicTransfersFen => PensionPaidFen + DibaoFen + MedicalReimbursementsFen;
}
