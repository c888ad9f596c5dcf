namespace EcosystemSim.Model.Parameters;

/// <summary>
/// How awareness and trust move each year. Awareness rises with publicity, peers and the use of a
/// scheme, and decays; trust in public schemes rises when benefits are paid and falls with a
/// scandal, a cut or delay, or a hospital stay the insurance did not cover.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AttitudeParameters
{
    [Param("per year", "Share of awareness lost each year without reinforcement.",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.01, UncertainHigh = 0.06, UncertainWhy = "Awareness half-lives of about 10 to 70 years")]
    public double AwarenessDecay { get; init; } = 0.03;

    [Param("share of the gap", "Largest yearly gain from publicity, as a share of the gap to full awareness.",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.06, UncertainHigh = 0.18, UncertainWhy = "Half to one and a half times the assumed gain")]
    public double PublicityGain { get; init; } = 0.12;

    [Param("yuan/person", "Publicity spending per resident at which half the largest gain is reached.",
        Min = 0.01, Max = 1e4, Source = "Assumption: diminishing returns",
        UncertainLow = 2.5, UncertainHigh = 10, UncertainWhy = "Half to twice the spending for half the gain")]
    public double PublicityHalfEffect { get; init; } = 5;

    [Param("share of the gap", "Yearly pull of awareness toward the county's pension contribution rate last year (peers talk).",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.02, UncertainHigh = 0.1, UncertainWhy = "From a weak to a strong pull of peers")]
    public double PeerGain { get; init; } = 0.05;

    [Param("share of the gap", "Gain in awareness and trust in a year the household receives a public benefit (pension, reimbursement, dibao).",
        Min = 0, Max = 1, Source = "Assumption: paid benefits are the best publicity",
        UncertainLow = 0.02, UncertainHigh = 0.08, UncertainWhy = "Half to twice the assumed gain")]
    public double BenefitGain { get; init; } = 0.04;

    [Param("share", "Share of trust lost in a year the county has a full misappropriation scandal (milder scandals cost proportionally less).",
        Min = 0, Max = 1, Source = "Assumption: a scandal is a large blow to confidence (the paper, section 3.2)",
        UncertainLow = 0.08, UncertainHigh = 0.25, UncertainWhy = "A scandal costing a twelfth to a quarter of trust")]
    public double ScandalLoss { get; init; } = 0.15;

    [Param("share", "Share of trust lost in a year the county cuts or delays local benefits.",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.05, UncertainHigh = 0.2, UncertainWhy = "Half to twice the assumed loss")]
    public double CutLoss { get; init; } = 0.1;

    [Param("share", "Share of trust lost in a year a member's hospital stay was not covered (not enrolled, or in a waiting period).",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.05, UncertainHigh = 0.2, UncertainWhy = "Half to twice the assumed loss")]
    public double UncoveredLoss { get; init; } = 0.1;

    [Param("share of the gap", "Yearly pull of trust back toward the region's initial median (memory fades).",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.02, UncertainHigh = 0.1, UncertainWhy = "Memory half-lives of about 7 to 35 years")]
    public double TrustReversion { get; init; } = 0.05;
}
