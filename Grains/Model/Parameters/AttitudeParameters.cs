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
        Min = 0, Max = 1, Source = "Assumption")]
    public double AwarenessDecay { get; init; } = 0.03;

    [Param("share of the gap", "Largest yearly gain from publicity, as a share of the gap to full awareness.",
        Min = 0, Max = 1, Source = "Assumption")]
    public double PublicityGain { get; init; } = 0.12;

    [Param("yuan/person", "Publicity spending per resident at which half the largest gain is reached.",
        Min = 0.01, Max = 1e4, Source = "Assumption: diminishing returns")]
    public double PublicityHalfEffect { get; init; } = 5;

    [Param("share of the gap", "Yearly pull of awareness toward the county's pension contribution rate last year (peers talk).",
        Min = 0, Max = 1, Source = "Assumption")]
    public double PeerGain { get; init; } = 0.05;

    [Param("share of the gap", "Gain in awareness and trust in a year the household receives a public benefit (pension, reimbursement, dibao).",
        Min = 0, Max = 1, Source = "Assumption: paid benefits are the best publicity")]
    public double BenefitGain { get; init; } = 0.04;

    [Param("share", "Share of trust lost in a year the county has a full misappropriation scandal (milder scandals cost proportionally less).",
        Min = 0, Max = 1, Source = "Assumption: a scandal is a large blow to confidence (the paper, section 3.2)")]
    public double ScandalLoss { get; init; } = 0.15;

    [Param("share", "Share of trust lost in a year the county cuts or delays local benefits.",
        Min = 0, Max = 1, Source = "Assumption")]
    public double CutLoss { get; init; } = 0.1;

    [Param("share", "Share of trust lost in a year a member's hospital stay was not covered (not enrolled, or in a waiting period).",
        Min = 0, Max = 1, Source = "Assumption")]
    public double UncoveredLoss { get; init; } = 0.1;

    [Param("share of the gap", "Yearly pull of trust back toward the region's initial median (memory fades).",
        Min = 0, Max = 1, Source = "Assumption")]
    public double TrustReversion { get; init; } = 0.05;
}
