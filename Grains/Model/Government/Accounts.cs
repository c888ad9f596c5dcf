namespace EcosystemSim.Model.Government;

/// <summary>A county's pension accounts for a year, from its households' records.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CountyLedger
{
    public int CountyId { get; init; }

    public Region Region { get; init; }

    public int Year { get; init; }

    /// <summary>Members' contributions (including arrears).</summary>
    public long ContributionsFen { get; init; }

    /// <summary>Local contribution subsidies.</summary>
    public long SubsidiesFen { get; init; }

    /// <summary>The national minimum part of pensions paid, by its central share.</summary>
    public long CentralMinimumPensionFen { get; init; }

    /// <summary>The national minimum part of pensions paid, by its local share.</summary>
    public long LocalMinimumPensionFen { get; init; }

    /// <summary>Local top-ups paid.</summary>
    public long TopUpFen { get; init; }

    /// <summary>Account pensions paid from members' balances.</summary>
    public long AnnuityFromAccountsFen { get; init; }

    /// <summary>Account pensions paid by local finance after a balance ran out.</summary>
    public long AnnuityFromLocalFen { get; init; }

    /// <summary>Individual account balances at the end of the year.</summary>
    public long AccountBalanceFen { get; init; }

    /// <summary>Central government spending in the county.</summary>
    public long CentralSpendingFen => CentralMinimumPensionFen;

    /// <summary>Local government spending.</summary>
    public long LocalSpendingFen => SubsidiesFen + LocalMinimumPensionFen + TopUpFen + AnnuityFromLocalFen;
}

/// <summary>The central fund's record of a year: national sums of the county ledgers.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record NationalAccounts
{
    public int Year { get; init; }

    public long MinimumPensionMonthlyFen { get; init; }

    public long CentralSpendingFen { get; init; }

    public long LocalSpendingFen { get; init; }

    public long ContributionsFen { get; init; }

    /// <summary>Pension fund balance: the individual accounts held at the end of the year.</summary>
    public long FundBalanceFen { get; init; }
}
