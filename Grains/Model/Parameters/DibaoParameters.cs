namespace EcosystemSim.Model.Parameters;

/// <summary>
/// The rural subsistence allowance (dibao): a local standard tied to local consumption, a
/// gap-filling benefit, and targeting through an error-prone means test.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DibaoParameters
{
    [Param("ratio", "Dibao standard as a share of last year's county per-capita consumption.",
        Min = 0, Max = 3, Source = "Minfa [2024] No.16 ties the standard to last year's local consumption; 0.42 gives the Q1 2021 average rural standard of 503.8 yuan a month (Ministry of Civil Affairs; CALIBRATION.md A) from 2020 rural disposable income of 17,131 yuan (NBS) at the consumption share below")]
    public double StandardRatio { get; init; } = 0.42;

    [Param("share", "Consumption as a share of disposable income (to derive consumption for the standard).",
        Min = 0, Max = 2, Source = "NBS 2021: rural per-capita consumption 15,916 over disposable income 18,931 (recalled)")]
    public double ConsumptionShare { get; init; } = 0.84;

    [Param("log sd", "Error of the means test: the assessed income is the true income times a log-normal error with this spread, by region. An information platform lowers it.",
        Min = 0, Max = 5, Source = "Assumption: large inclusion and exclusion errors (Golan, Sicular and Umapathi 2015; Kakwani et al. 2017; CALIBRATION.md A)",
        UncertainLow = 0.7, UncertainHigh = 1.3, UncertainWhy = "Studies of dibao targeting disagree widely: 30% either way on every region's error")]
    public RegionValues<double> TargetingError { get; init; } = RegionValues<double>.Uniform(0.6);

    [Param("per year", "Year-to-year correlation of a household's assessment error (the same village officials, the same impressions).",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.5, UncertainHigh = 0.9, UncertainWhy = "From half to most of the error carried over")]
    public double ErrorPersistence { get; init; } = 0.7;

    [Param("share", "Chance that a household assessed as eligible applies and is enrolled (rationing, stigma, paperwork).",
        Min = 0, Max = 1, Source = "Calibrated with the targeting error so that about 7.2% of rural residents receive dibao (35.97 M in Q1 2021, Ministry of Civil Affairs; CALIBRATION.md A)",
        UncertainLow = 0.32, UncertainHigh = 0.44, UncertainWhy = "Calibrated with the targeting error to 7.2% on dibao; a sixth either way")]
    public double TakeUp { get; init; } = 0.38;

    [Param("share of the standard", "Benefit per member, as a share of the standard, from which an assessed-eligible household takes dibao up at the full chances above; below it the chances fall in proportion (a small benefit is not worth the paperwork, the review and the stigma). 0 switches the effect off.",
        Min = 0, Max = 2, Source = "Take-up of means-tested benefits rises with the benefit (Currie, 'The Take-Up of Social Benefits', 2006); calibrated with the chances above so that 2021 rural dibao reaches about 7.2% of residents with spending of about 135 bn yuan (Ministry of Civil Affairs 2021 statistical bulletin: 134.9 bn yuan for 34.7 M rural recipients at the year's end, recalled), an average benefit of about 62% of the standard",
        UncertainLow = 0.4, UncertainHigh = 0.8, UncertainWhy = "Calibrated to the average benefit; how sharply take-up falls with the benefit is not measured for dibao")]
    public double FullTakeUpBenefit { get; init; } = 0.6;

    [Param("share", "Chance that an assessed-eligible household was already on dibao before the first simulated year.",
        Min = 0, Max = 1, Source = "Calibrated so that the first year starts near the steady state of take-up and review",
        UncertainLow = 0.4, UncertainHigh = 0.6, UncertainWhy = "Calibrated to start near the steady state; a fifth either way")]
    public double InitialShare { get; init; } = 0.5;

    [Param("share", "Chance that a recipient who is still assessed as eligible stays on dibao the next year (the rest are dropped at review).",
        Min = 0, Max = 1, Source = "Assumption: annual reviews drop some recipients",
        UncertainLow = 0.75, UncertainHigh = 0.95, UncertainWhy = "5-25% dropped at each annual review")]
    public double Continuation { get; init; } = 0.85;

    [Param("share", "Food share of consumption (the Engel coefficient), for the capacity to pay in the catastrophic spending test.",
        Min = 0, Max = 1, Source = "NBS 2021: rural Engel coefficient 32.7% (recalled)")]
    public double FoodShare { get; init; } = 0.327;

    [Param("multiple of the standard", "Extension of dibao to low-income households: those assessed below this multiple of the standard (but above the standard) receive a partial benefit. 1 switches the extension off.",
        Min = 1, Max = 5, Source = "Lever (the paper, section 3.1: extend coverage to low-income groups); off in the baseline")]
    public double LowIncomeLine { get; init; } = 1;

    [Param("share", "Share of the gap between assessed income and the low-income line paid to extended households.",
        Min = 0, Max = 1, Source = "Lever; none in the baseline")]
    public double LowIncomeBenefitShare { get; init; }

    [Param("share of the standard", "Classified implementation: an extra benefit per member, as a share of the standard, for recipients with no member of working age (the extremely poor).",
        Min = 0, Max = 5, Source = "Lever (the paper, section 3.1: classified implementation of dibao); none in the baseline")]
    public double ClassifiedSupplement { get; init; }

    [Param("share", "Central share of dibao spending by region (the rest is local).",
        Min = 0, Max = 1, Source = "Assumption: central transfers fund most rural dibao outside the East",
        UncertainLow = 0.8, UncertainHigh = 1.2, UncertainWhy = "Central transfers for dibao are not published by region: a fifth either way")]
    public RegionValues<double> CentralShare { get; init; } = new(0.3, 0.7, 0.8, 0.7);
}
