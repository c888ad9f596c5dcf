using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Government;

/// <summary>What the central fund publishes for a year: the parameters in force and the national amounts.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record NationalPolicy
{
    public required int Year { get; init; }

    /// <summary>The parameters in force this year.</summary>
    public required ModelParameters Parameters { get; init; }

    public required long MinimumPensionMonthlyFen { get; init; }

    /// <summary>Individual medical premium per enrollee.</summary>
    public required long MedicalPremiumFen { get; init; }

    /// <summary>Fiscal medical subsidy per enrollee.</summary>
    public required long MedicalSubsidyFen { get; init; }

    /// <summary>Poverty line, per person per year.</summary>
    public required long PovertyLineFen { get; init; }

    /// <summary>Mean cost of a hospital admission this year.</summary>
    public required double AdmissionCostYuan { get; init; }

    /// <summary>Medical cost level relative to the cost year (for outpatient costs, deductibles, caps).</summary>
    public required double MedicalCostIndex { get; init; }

    public required double UrbanIncomePerCapitaYuan { get; init; }

    public required double UrbanPensionMonthlyYuan { get; init; }

    /// <summary>Each province's pool for this year: what its counties handed up last year (<see cref="ProvincialRules"/>).</summary>
    public RegionValues<long> ProvincialPoolFen { get; init; } = RegionValues<long>.Uniform(0);

    /// <summary>Each province's claims for this year: its counties' shortfalls of last year.</summary>
    public RegionValues<long> ProvincialClaimsFen { get; init; } = RegionValues<long>.Uniform(0);

    /// <summary>The insurers' offers for the year (attached by the host after the insurers publish them).</summary>
    public Market.MarketOffers Market { get; init; } = EcosystemSim.Model.Market.MarketOffers.None;
}

/// <summary>What a local government sets for its county in a year.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record LocalPolicy
{
    public required int CountyId { get; init; }

    /// <summary>Local pension top-up actually paid (after any cut).</summary>
    public required long TopUpMonthlyFen { get; init; }

    /// <summary>Contribution subsidy per tier actually paid (after any cut, never below the legal floors).</summary>
    public required long[] SubsidyByTierFen { get; init; }

    /// <summary>The legal floor of the subsidy per tier (the part a cut never touches).</summary>
    public required long[] SubsidyFloorByTierFen { get; init; }

    /// <summary>The year the resident pension reached the county: no contributions or pensions before it.</summary>
    public required int SchemeStartYear { get; init; }

    /// <summary>Earnings of a working-age adult at home of average productivity in this county and year.</summary>
    public required double EarningUnitYuan { get; init; }

    /// <summary>Mean per-capita market income in the county this year (for a population of the census age shape).</summary>
    public required double MeanMarketPerCapitaYuan { get; init; }

    /// <summary>Remittances a member working away sends home this year.</summary>
    public required double RemittanceYuan { get; init; }

    /// <summary>Last year's per-capita disposable income in the county (the base of standards and thresholds).</summary>
    public required double LastDisposablePerCapitaYuan { get; init; }

    public required double ReimbursementRatio { get; init; }

    public required long DeductibleFen { get; init; }

    /// <summary>Yearly cap on basic reimbursement per person.</summary>
    public required long ReimbursementCapFen { get; init; }

    /// <summary>Critical illness insurance threshold per person per year.</summary>
    public required long CriticalIllnessThresholdFen { get; init; }

    /// <summary>Yearly cap on medical assistance per person.</summary>
    public required long AssistanceCapFen { get; init; }

    /// <summary>Dibao standard per person per year.</summary>
    public required long DibaoStandardFen { get; init; }

    /// <summary>Spread of the means test's log error.</summary>
    public required double TargetingError { get; init; }

    public required double PublicityPerCapitaYuan { get; init; }

    /// <summary>Severity (0-1) of a misappropriation scandal that broke this year (detected last year); trust falls by that share of the scandal loss.</summary>
    public required double Scandal { get; init; }

    /// <summary>Share of discretionary local benefits paid (1 unless the county is short of money).</summary>
    public required double PaymentRatio { get; init; }

    /// <summary>Share of the top-up that is the raise up to the national floor (0 without a floor or above it); the centre pays pension.central_share_of_floor_raise of it.</summary>
    public double TopUpFloorRaiseShare { get; init; }

    /// <summary>Supplementary products on sale in the county, in product order.</summary>
    public Market.CountyOffer[] Offers { get; init; } = [];

    /// <summary>Insurers' marketing per resident in the county (adds to awareness like publicity).</summary>
    public double MarketingPerCapitaYuan { get; init; }

    /// <summary>An insurer that served the county last year no longer does.</summary>
    public bool InsurerLeft { get; init; }

    /// <summary>Local benefits are cut or delayed this year.</summary>
    public bool BenefitCut => PaymentRatio < 1;
}

/// <summary>Last year's county aggregates that households see (peer effects).</summary>
[GenerateSerializer, Immutable]
public sealed record CountyPeers(
    [property: Id(0)] double PensionContributionRate,
    [property: Id(1)] double MedicalEnrolmentRate);

/// <summary>
/// Everything a household may see in a year, sent by its local government in one call. One
/// instance serves every household of the county, so within a silo it is never copied.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record YearContext(
    [property: Id(0)] int Year,
    [property: Id(1)] ulong Seed,
    [property: Id(2)] NationalPolicy National,
    [property: Id(3)] LocalPolicy Local,
    [property: Id(4)] CountyPeers Peers)
{
    [NonSerialized]
    private CountyTerms? _terms;

    /// <summary>The parameters in force this year.</summary>
    public ModelParameters Parameters => National.Parameters;

    /// <summary>
    /// The county's terms of the year, computed on the first household's use and shared by the rest (derived data:
    /// not serialised, not part of the context's equality; a context made by <c>with</c> from another recomputes them).
    /// </summary>
    public CountyTerms Terms
    {
        get
        {
            var terms = Volatile.Read(ref _terms);
            if (terms is null || terms.Year != Year || !ReferenceEquals(terms.National, National) || !ReferenceEquals(terms.Local, Local))
            {
                // Threads racing here compute the same terms; whichever is stored, every reader sees equal values.
                terms = new CountyTerms(Year, National, Local);
                Volatile.Write(ref _terms, terms);
            }
            return terms;
        }
    }

    public bool Equals(YearContext? other) =>
        other is not null && Year == other.Year && Seed == other.Seed && Equals(National, other.National) &&
        Equals(Local, other.Local) && Equals(Peers, other.Peers);

    public override int GetHashCode() => HashCode.Combine(Year, Seed, National, Local, Peers);
}
