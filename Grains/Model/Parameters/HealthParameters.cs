namespace EcosystemSim.Model.Parameters;

/// <summary>Chronic conditions, hospital admissions and their costs, outpatient spending.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record HealthParameters
{
    [Param("share", "Share of persons with a chronic condition at age 55; prevalence is logistic in age.",
        Min = 0.001, Max = 0.999, Source = "Assumption after the National Health Services Survey 2018: about a third of rural residents 15+ report a chronic condition, rising steeply with age",
        UncertainLow = 0.28, UncertainHigh = 0.42, UncertainWhy = "A fifth either way: survey prevalence depends on how conditions are asked about")]
    public double ChronicPrevalenceAt55 { get; init; } = 0.35;

    [Param("log-odds per year of age", "Slope of chronic prevalence in age; healthy members develop a condition each year at the rate that keeps prevalence on this curve.",
        Min = 0, Max = 1, Source = "Assumption: prevalence about 12% at 35 and 69% at 75",
        UncertainLow = 0.05, UncertainHigh = 0.09, UncertainWhy = "Prevalence at 75 between about 60% and 80%")]
    public double ChronicPrevalenceSlope { get; init; } = 0.07;

    [Param("admissions/person/year", "Hospital admission rate of a healthy adult aged 45 (the age curve and chronic multiplier scale it).",
        Min = 0, Max = 5, Source = "Calibrated so that residents average 20.7 admissions per 100 a year (NHSA 2023 bulletin; CALIBRATION.md B)",
        UncertainLow = 0.12, UncertainHigh = 0.14, UncertainWhy = "Calibrated to 20.7 admissions per 100; 8% either way")]
    public double AdmissionRateAt45 { get; init; } = 0.13;

    [Param("per year of age", "Growth of the adult admission rate with each year of age.",
        Min = 0, Max = 0.2, Source = "Assumption: admission rates about three times higher at 70 than at 25",
        UncertainLow = 0.018, UncertainHigh = 0.032, UncertainWhy = "Admission rates two to five times higher at 70 than at 25")]
    public double AdmissionAgeSlope { get; init; } = 0.025;

    [Param("years", "Members below this age have the children's admission rate.",
        Min = 0, Max = 30, Source = "Rationale: the same age at which members may contribute to the pension")]
    public int ChildAge { get; init; } = 16;

    [Param("admissions/person/year", "Admission rate of children.",
        Min = 0, Max = 5, Source = "Assumption: about 8 per 100 children a year",
        UncertainLow = 0.05, UncertainHigh = 0.11, UncertainWhy = "5-11 admissions per 100 children")]
    public double ChildAdmissionRate { get; init; } = 0.08;

    [Param("ratio", "Admission rate of a person with a chronic condition relative to a healthy person of the same age.",
        Min = 1, Max = 20, Source = "Assumption: chronic patients are admitted about twice as often",
        UncertainLow = 1.5, UncertainHigh = 3, UncertainWhy = "Chronic patients admitted 1.5 to 3 times as often")]
    public double ChronicAdmissionRatio { get; init; } = 2.0;

    [Param("yuan", "Mean cost of an admission in the cost year (below).",
        Min = 0, Max = 1e7, Source = "NHSA 2023 bulletin: 7,674 yuan per resident admission (CALIBRATION.md B)")]
    public double CostPerAdmissionYuan { get; init; } = 7674;

    [Param("year", "Year to which the admission cost refers.",
        Min = 1990, Max = 2100, Source = "NHSA 2023 bulletin")]
    public int CostYear { get; init; } = 2023;

    [Param("per year", "Growth of medical costs (admission and outpatient), also applied backwards before the cost year.",
        Min = -0.5, Max = 0.5, Source = "Assumption: cost per admission has grown 3-5% a year",
        UncertainLow = 0.02, UncertainHigh = 0.06, UncertainWhy = "Cost per admission has grown 2-6% a year")]
    public double CostGrowth { get; init; } = 0.04;

    [Param("log sd", "Spread of the cost of an admission (log-normal, so a heavy right tail).",
        Min = 0, Max = 3, Source = "Assumption: a coefficient of variation near 1.6, as in claim data with a few very expensive stays",
        UncertainLow = 0.9, UncertainHigh = 1.5, UncertainWhy = "Coefficients of variation of admission costs of about 1 to 2.8")]
    public double CostLogSd { get; init; } = 1.2;

    [Param("yuan/year", "Mean yearly outpatient and drug spending of a person with a chronic condition, in the cost year.",
        Min = 0, Max = 1e6, Source = "Assumption: with the next parameter, total medical spending of about 2,400 yuan a person in 2021, of which about 1,500 out of pocket, near the 1,580 yuan of health spending per rural resident (NBS 2021, recalled)",
        UncertainLow = 2700, UncertainHigh = 4500, UncertainWhy = "A quarter either way: outpatient spending is reported only in total")]
    public double ChronicOutpatientYuan { get; init; } = 3600;

    [Param("yuan/year", "Mean yearly outpatient spending of a person without one, in the cost year.",
        Min = 0, Max = 1e6, Source = "Assumption: see the previous parameter",
        UncertainLow = 250, UncertainHigh = 450, UncertainWhy = "About 30% either way: outpatient spending is reported only in total")]
    public double OutpatientYuan { get; init; } = 350;

    [Param("log sd", "Spread of yearly outpatient spending (log-normal).",
        Min = 0, Max = 3, Source = "Assumption",
        UncertainLow = 0.6, UncertainHigh = 1.2, UncertainWhy = "A third either way")]
    public double OutpatientLogSd { get; init; } = 0.9;

    [Param("admissions", "Most admissions a person can have in a year.",
        Min = 1, Max = 50, Source = "Rationale: caps the Poisson tail")]
    public int MaxAdmissions { get; init; } = 6;
}
