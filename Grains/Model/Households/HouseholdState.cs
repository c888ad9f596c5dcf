namespace EcosystemSim.Model.Households;

/// <summary>
/// A household's state between years. Owned by exactly one holder (a household grain or the
/// in-process engine's array) and changed only by <see cref="HouseholdRules"/>. Serialisable for
/// checkpoints (every field has an id: a field without one would be lost on resume).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("ecosim.HouseholdState")]
public sealed class HouseholdState
{
    public required int Id { get; init; }

    public required Region Region { get; init; }

    public required int County { get; init; }

    /// <summary>Living members in the rural population (the dead and those who left for good are removed).</summary>
    public required MemberState[] Members { get; set; }

    /// <summary>Serial number the next newborn gets.</summary>
    public int NextSerial { get; set; }

    /// <summary>Persistent component of log productivity.</summary>
    public double IncomePersistent { get; set; }

    /// <summary>This year's market income (earnings and remittances), for the whole household.</summary>
    public long MarketIncomeFen { get; set; }

    /// <summary>Insurance awareness, 0-1.</summary>
    public double Awareness { get; set; }

    /// <summary>Trust in public schemes, 0-1.</summary>
    public double Trust { get; set; }

    /// <summary>Whether the household received dibao (in the year just stepped).</summary>
    public bool Dibao { get; set; }

    /// <summary>Whether <see cref="Dibao"/> is known: false before the first simulated year.</summary>
    public bool DibaoKnown { get; set; }

    /// <summary>Persistent standard-normal error of the household's means test.</summary>
    public double AssessmentError { get; set; }

    /// <summary>Trust in commercial insurers, 0-1.</summary>
    public double InsurerTrust { get; set; }

    /// <summary>Risk aversion: the household values insurance at (1 + this) times its expected payout.</summary>
    public double RiskAversion { get; set; }

    /// <summary>Market income per member this year (0 for an empty household).</summary>
    public long MarketIncomePerCapitaFen => Members.Length == 0 ? 0 : MarketIncomeFen / Members.Length;
}

/// <summary>Where a member stands in the resident basic pension.</summary>
[GenerateSerializer]
public enum PensionStatus : byte
{
    /// <summary>Below the pension age: may contribute.</summary>
    Accumulating = 0,

    /// <summary>Receives the pension.</summary>
    Receiving = 1,

    /// <summary>Reached the pension age without the required years and did not make them up.</summary>
    NotEntitled = 2,
}

/// <summary>One member of a household (serialisable for checkpoints: every field has an id).</summary>
[GenerateSerializer, Alias("ecosim.MemberState")]
public struct MemberState
{
    /// <summary>Number of the member within the household, never reused; keys the member's random draws.</summary>
    [Id(0)] public int Serial;

    [Id(1)] public int BirthYear;

    /// <summary>Works away from home (sends remittances instead of earning at home).</summary>
    [Id(2)] public bool Migrant;

    /// <summary>Has a chronic condition.</summary>
    [Id(3)] public bool Chronic;

    [Id(4)] public PensionStatus PensionStatus;

    [Id(5)] public int YearsContributed;

    [Id(6)] public bool ContributedLastYear;

    /// <summary>Individual pension account balance.</summary>
    [Id(7)] public long AccountFen;

    /// <summary>Monthly account pension fixed at retirement (balance / divisor).</summary>
    [Id(8)] public long AnnuityFen;

    /// <summary>Enrolled in the resident medical insurance (in the year just stepped).</summary>
    [Id(9)] public bool MedicalEnrolled;

    /// <summary>Consecutive years not enrolled, up to the year just stepped (for the waiting period).</summary>
    [Id(10)] public int MedicalMissedYears;

    // Product slots hold index + 1, so that a new member (all zeros) holds nothing.
    [Id(11)] private int _topUpSlot;

    [Id(15)] private int _pensionSlot;

    /// <summary>Medical top-up held in the year just stepped (a product index), or -1.</summary>
    public int TopUpProduct
    {
        readonly get => _topUpSlot - 1;
        set => _topUpSlot = value + 1;
    }

    /// <summary>Supplementary pension held (a product index), or -1.</summary>
    public int PensionProduct
    {
        readonly get => _pensionSlot - 1;
        set => _pensionSlot = value + 1;
    }

    /// <summary>Still contributing to the supplementary pension (not paid up).</summary>
    [Id(12)] public bool PensionContributing;

    /// <summary>Supplementary pension account.</summary>
    [Id(13)] public long PensionProductAccountFen;

    /// <summary>Monthly supplementary annuity fixed at the pension age.</summary>
    [Id(14)] public long PensionProductAnnuityFen;

    public readonly int Age(int year) => year - BirthYear;
}
