using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Government;

/// <summary>A county's accounts for a year, settled from its households' records.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CountyLedger
{
    public int CountyId { get; init; }
    public Region Region { get; init; }
    public int Year { get; init; }
    public long Persons { get; init; }

    // Pension.
    public long ContributionsFen { get; init; }
    public long SubsidiesFen { get; init; }
    /// <summary>Contributions the local government paid for members of dibao households.</summary>
    public long ContributionAidFen { get; init; }
    /// <summary>Village collective subsidies to accounts (not public spending).</summary>
    public long CollectiveFen { get; init; }
    public long CentralMinimumPensionFen { get; init; }
    public long LocalMinimumPensionFen { get; init; }
    /// <summary>Local top-ups paid, whoever pays them.</summary>
    public long TopUpFen { get; init; }
    /// <summary>The central government's share of the top-ups.</summary>
    public long CentralTopUpFen { get; init; }
    public long AnnuityFromAccountsFen { get; init; }
    public long AnnuityFromLocalFen { get; init; }
    public long AccountBalanceFen { get; init; }

    // Medical insurance.
    /// <summary>Premiums collected (paid by households and by medical assistance).</summary>
    public long PremiumsFen { get; init; }
    public long CentralMedicalSubsidyFen { get; init; }
    public long LocalMedicalSubsidyFen { get; init; }
    public long ReimbursedFen { get; init; }
    public long CriticalIllnessFen { get; init; }
    /// <summary>Medical assistance: towards costs and premiums.</summary>
    public long AssistanceFen { get; init; }
    /// <summary>The county medical fund's balance at the end of the year.</summary>
    public long MedicalFundFen { get; init; }
    /// <summary>The local budget's payment to clear a medical fund deficit.</summary>
    public long FundDeficitCoverFen { get; init; }

    // Dibao.
    /// <summary>The county's dibao standard, per person per year.</summary>
    public long DibaoStandardFen { get; init; }
    public long CentralDibaoFen { get; init; }
    public long LocalDibaoFen { get; init; }

    // Supplementary market.
    /// <summary>The county's business with each product (products with any, in product order).</summary>
    public Market.ProductUse[] Products { get; init; } = [];
    /// <summary>Medical top-up premiums the local government paid for low-income members.</summary>
    public long SupplementarySubsidyFen { get; init; }
    /// <summary>Residents in each age band of supplementary medical pricing.</summary>
    public long[] PersonsByBand { get; init; } = new long[Parameters.MarketParameters.Bands];

    // Local budget.
    public long PublicityFen { get; init; }
    public long AdministrationFen { get; init; }
    /// <summary>Transfers from higher levels' budgets: the equalisation transfer per resident, plus their cover of last year's shortfall.</summary>
    public long EqualisationFen { get; init; }
    /// <summary>What the county received at the start of the year for last year's shortfall: from its province's pool and from higher levels' budgets.</summary>
    public long ShortfallCoverFen { get; init; }
    /// <summary>The part of <see cref="ShortfallCoverFen"/> paid from the province's pool (surpluses other counties handed up).</summary>
    public long PooledCoverFen { get; init; }
    /// <summary>Reserve above the cap handed up to the province's pool at the close of the year.</summary>
    public long SurplusHandedUpFen { get; init; }
    /// <summary>Reserve above the cap the county spent on other things (it left the social security budget).</summary>
    public long SurplusReleasedFen { get; init; }
    /// <summary>The county's own revenue for social security.</summary>
    public long RevenueFen { get; init; }
    /// <summary>The local budget's reserve at the end of the year (negative: in debt, which the county claims from its province).</summary>
    public long ReserveFen { get; init; }
    public double PaymentRatio { get; init; }

    // Supervision.
    public long DivertedFen { get; init; }
    public long RecoveredFen { get; init; }
    public bool ScandalDetected { get; init; }

    // Income.
    public long MarketIncomeFen { get; init; }
    public long DisposableIncomeFen { get; init; }

    /// <summary>Central spending in the county: its shares of the minimum pension, the top-up, the medical subsidy and dibao, and equalisation.</summary>
    public long CentralSpendingFen => CentralMinimumPensionFen + CentralTopUpFen + CentralMedicalSubsidyFen + CentralDibaoFen + EqualisationFen;

    /// <summary>Local spending: subsidies, contributions paid for the poor, its share of the minimum, its share of top-ups, account pensions beyond balances, its shares of the medical subsidy and dibao, medical fund deficits, assistance, publicity, administration, premium subsidies for supplementary products.</summary>
    public long LocalSpendingFen => SubsidiesFen + ContributionAidFen + LocalMinimumPensionFen + TopUpFen - CentralTopUpFen + AnnuityFromLocalFen
                                    + LocalMedicalSubsidyFen + FundDeficitCoverFen + LocalDibaoFen + AssistanceFen + PublicityFen
                                    + AdministrationFen + SupplementarySubsidyFen;
}

/// <summary>The central fund's record of a year: national amounts and sums of the county ledgers.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record NationalAccounts
{
    public int Year { get; init; }
    public long MinimumPensionMonthlyFen { get; init; }
    public long MedicalPremiumFen { get; init; }
    public long PovertyLineFen { get; init; }
    public double UrbanIncomePerCapitaYuan { get; init; }
    public double UrbanPensionMonthlyYuan { get; init; }
    public long CentralSpendingFen { get; init; }
    public long LocalSpendingFen { get; init; }
    public long ContributionsFen { get; init; }
    /// <summary>Pension fund balance: the individual accounts held at the end of the year.</summary>
    public long PensionFundBalanceFen { get; init; }
    public long MedicalFundBalanceFen { get; init; }
    public long DivertedFen { get; init; }
    /// <summary>What the provinces' pools of last year did not pay out: the provinces spent it on other things.</summary>
    public long PoolReleasedFen { get; init; }
    public long Persons { get; init; }
    public long DisposableIncomeFen { get; init; }
}

/// <summary>The central fund's state between years: for the adjustment rule of the minimum pension, and the provinces' pools and claims.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CentralState
{
    /// <summary>The minimum pension paid last year (unrounded yuan a month), 0 before the first year.</summary>
    public double LastMinimumYuan { get; init; }

    /// <summary>National per-capita disposable income in the last two closed years (0 when unknown).</summary>
    public double LastDisposablePerCapitaYuan { get; init; }

    public double PreviousDisposablePerCapitaYuan { get; init; }

    /// <summary>Each province's pool: the surplus its counties handed up in the year just closed, to pay their claims this year.</summary>
    public RegionValues<long> ProvincialPoolFen { get; init; } = RegionValues<long>.Uniform(0);

    /// <summary>Each province's claims: its counties' shortfalls of the year just closed.</summary>
    public RegionValues<long> ProvincialClaimsFen { get; init; } = RegionValues<long>.Uniform(0);
}
