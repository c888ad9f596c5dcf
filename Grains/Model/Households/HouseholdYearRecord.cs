namespace EcosystemSim.Model.Households;

/// <summary>
/// What one household reports for one year: counts of persons by status and the money that
/// moved. Reports computes every metric from these records, so anything a metric needs is here.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public record struct HouseholdYearRecord
{
    public int HouseholdId { get; set; }

    public Region Region { get; set; }

    public int County { get; set; }

    /// <summary>Persons in the household.</summary>
    public int Members { get; set; }

    /// <summary>Members who may contribute: from the entry age to below the pension age, not yet receiving.</summary>
    public int PensionEligible { get; set; }

    /// <summary>Eligible members who contributed this year.</summary>
    public int PensionContributors { get; set; }

    /// <summary>Contributors who chose the lowest tier.</summary>
    public int PensionLowestTier { get; set; }

    /// <summary>Eligible members with at least one year of contributions (enrolled, paying or not).</summary>
    public int PensionEnrolled { get; set; }

    /// <summary>Members at or above the pension age.</summary>
    public int Elderly { get; set; }

    /// <summary>Members receiving the pension.</summary>
    public int PensionRecipients { get; set; }

    /// <summary>Contributions paid this year (including arrears made up at the pension age).</summary>
    public long ContributionFen { get; set; }

    /// <summary>Part of the contributions that made up missing years.</summary>
    public long MakeUpFen { get; set; }

    /// <summary>Local contribution subsidies credited to the household's accounts.</summary>
    public long SubsidyFen { get; set; }

    /// <summary>Sum over recipients of their monthly pension this year.</summary>
    public long PensionMonthlyFen { get; set; }

    /// <summary>Annual pension paid: the national minimum part.</summary>
    public long MinimumPensionFen { get; set; }

    /// <summary>Annual pension paid: the local top-up part.</summary>
    public long TopUpFen { get; set; }

    /// <summary>Annual pension paid: the account part.</summary>
    public long AnnuityFen { get; set; }

    /// <summary>Part of the account pension drawn from the members' own balances (the rest is paid by local finance once an account is empty).</summary>
    public long AnnuityFromAccountFen { get; set; }

    /// <summary>Individual account balances at the end of the year.</summary>
    public long AccountBalanceFen { get; set; }

    /// <summary>Per-capita market income this year.</summary>
    public long MarketIncomePerCapitaFen { get; set; }

    /// <summary>Annual pension paid in total.</summary>
    public readonly long PensionPaidFen => MinimumPensionFen + TopUpFen + AnnuityFen;
}
