namespace EcosystemSim.Model.Government;

/// <summary>A local government's state between years.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CountyState
{
    /// <summary>The county's income level relative to its region (a random walk from its starting factor).</summary>
    public required double IncomeFactor { get; init; }

    public required CountyPeers Peers { get; init; }

    /// <summary>Inpatient reimbursement ratio in force next year.</summary>
    public required double ReimbursementRatio { get; init; }

    /// <summary>Balance of the county's resident medical insurance fund.</summary>
    public required long MedicalFundFen { get; init; }

    /// <summary>The local social security budget's reserve (negative: in debt).</summary>
    public required long ReserveFen { get; init; }

    /// <summary>Per-capita disposable income in the county in the year just closed.</summary>
    public required double LastDisposablePerCapitaYuan { get; init; }

    /// <summary>Discretionary local benefits (top-ups, subsidies above the floors) at full rate in the year just closed.</summary>
    public required long LastDiscretionaryFen { get; init; }

    /// <summary>Diverted funds not yet detected.</summary>
    public required long UndetectedDivertedFen { get; init; }

    /// <summary>Severity (0-1) of a scandal over a diversion detected in the year just closed; it breaks next year. 0: none.</summary>
    public required double ScandalPending { get; init; }

    /// <summary>Insurers that served the county in the year just closed (sorted).</summary>
    public int[] LastInsurers { get; init; } = [];
}
