namespace EcosystemSim.Model.Households;

/// <summary>
/// A household's state between years. Owned by exactly one holder (a household grain or the
/// in-process engine's array) and changed only by <see cref="HouseholdRules"/>.
/// </summary>
public sealed class HouseholdState
{
    public required int Id { get; init; }

    public required Region Region { get; init; }

    public required int County { get; init; }

    public required MemberState[] Members { get; set; }

    /// <summary>Persistent component of log per-capita income (deviation from the county level).</summary>
    public double IncomePersistent { get; set; }

    /// <summary>This year's per-capita market income.</summary>
    public long IncomePerCapitaFen { get; set; }

    /// <summary>Insurance awareness, 0-1.</summary>
    public double Awareness { get; set; }

    /// <summary>Trust in public schemes, 0-1.</summary>
    public double Trust { get; set; }
}

/// <summary>Where a member stands in the resident basic pension.</summary>
public enum PensionStatus : byte
{
    /// <summary>Below the pension age: may contribute.</summary>
    Accumulating = 0,

    /// <summary>Receives the pension.</summary>
    Receiving = 1,

    /// <summary>Reached the pension age without the required years and did not make them up.</summary>
    NotEntitled = 2,
}

/// <summary>One member of a household.</summary>
public struct MemberState
{
    /// <summary>Number of the member within the household, never reused; keys the member's random draws.</summary>
    public int Serial;

    public int BirthYear;

    public PensionStatus PensionStatus;

    /// <summary>Years of contributions needed at the pension age (transitional rules for older cohorts).</summary>
    public int RequiredYears;

    public int YearsContributed;

    public bool ContributedLastYear;

    /// <summary>Individual pension account balance.</summary>
    public long AccountFen;

    /// <summary>Monthly account pension fixed at retirement (balance / divisor).</summary>
    public long AnnuityFen;

    public readonly int Age(int year) => year - BirthYear;
}
