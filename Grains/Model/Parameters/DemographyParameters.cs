namespace EcosystemSim.Model.Parameters;

/// <summary>
/// Deaths, births and migration. Mortality follows a Gompertz-Makeham law,
/// q(x) = 1 - exp(-(A + B e^(C x))) above age 0, fitted to a rural life expectancy near 77.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DemographyParameters : IValidatable
{
    [Param("per year", "Probability of dying in the first year of life.",
        Min = 0, Max = 1, Source = "Assumption: rural infant mortality about 6 per 1,000 (NHC statistical bulletin 2021, recalled)",
        UncertainLow = 0.003, UncertainHigh = 0.009, UncertainWhy = "A recalled figure; half to one and a half times it")]
    public double InfantMortality { get; init; } = 0.006;

    [Param("per year", "Makeham term A: mortality independent of age.",
        Min = 0, Max = 0.1, Source = "Assumption: fitted with B and C to a rural life expectancy at birth of about 77 (national 78.2 in 2021, rural lower; CALIBRATION.md C)",
        UncertainLow = 0.0002, UncertainHigh = 0.0006, UncertainWhy = "Fitted jointly with the Gompertz terms: half to one and a half times")]
    public double MortalityBase { get; init; } = 0.0004;

    [Param("per year", "Gompertz level B: mortality at age 0 extrapolated from adult ages.",
        Min = 0, Max = 0.01, Source = "Assumption: gives life expectancy 76.9 with A and C (docs/model.md shows the table)",
        UncertainLow = 2.4e-05, UncertainHigh = 4e-05, UncertainWhy = "A quarter either way, about two years of life expectancy")]
    public double MortalityLevel { get; init; } = 3.2e-5;

    [Param("per year of age", "Gompertz slope C: how fast mortality rises with age.",
        Min = 0, Max = 0.3, Source = "Assumption: 0.095, the usual human rate (mortality doubles about every 7 years)",
        UncertainLow = 0.085, UncertainHigh = 0.105, UncertainWhy = "The range of adult Gompertz slopes in human life tables")]
    public double MortalitySlope { get; init; } = 0.095;

    [Param("year", "Year of the mortality law above; mortality improves from it on.",
        Min = 1990, Max = 2100, Source = "The calibration year")]
    public int MortalityYear { get; init; } = 2021;

    [Param("per year", "Yearly fall in mortality at every age, from the mortality year on.",
        Min = -0.1, Max = 0.1, Source = "Assumption: about 1% a year, in line with life expectancy gains of 0.2-0.3 years a year",
        UncertainLow = 0.005, UncertainHigh = 0.02, UncertainWhy = "Historical mortality improvement of 0.5-2% a year")]
    public double MortalityImprovement { get; init; } = 0.01;

    [Param("children per person", "Total fertility rate of rural residents.",
        Min = 0, Max = 8, Source = "Assumption: 2020 census national TFR 1.3, rural higher",
        UncertainLow = 1.2, UncertainHigh = 1.8, UncertainWhy = "The national rate was 1.3 in 2020; how much higher the rural one is, is uncertain")]
    public double TotalFertilityRate { get; init; } = 1.5;

    [Param("years", "Youngest age of a parent: births are spread evenly over members from this age to the last fertile age.",
        Min = 12, Max = 50, Source = "Assumption",
        UncertainLow = 18, UncertainHigh = 23, UncertainWhy = "A stylised age band: its start a couple of years either way")]
    public int FertileFromAge { get; init; } = 20;

    [Param("years", "Oldest age of a parent.",
        Min = 12, Max = 60, Source = "Assumption",
        UncertainLow = 35, UncertainHigh = 42, UncertainWhy = "A stylised age band: its end a few years either way")]
    public int FertileToAge { get; init; } = 39;

    [Param("years", "Age bands of migration: young migrants from the first age to below the second, older ones from the second to below the third.",
        Min = 0, Max = 120, Source = "Assumption: labour migration peaks between 18 and 40 and fades by 50")]
    public int[] MigrationAges { get; init; } = [18, 40, 50];

    [Param("per year", "Chance that a young member who lives at home leaves to work away.",
        Min = 0, Max = 1, Source = "Assumption: with the return rate it gives about 45% of 18-39s away, consistent with 171.72 M migrant workers outside their home area in 2021 (CALIBRATION.md C)",
        UncertainLow = 0.08, UncertainHigh = 0.16, UncertainWhy = "A third either way: the share of the young working away is known only roughly (35-55%)")]
    public double MigrationStartYoung { get; init; } = 0.12;

    [Param("per year", "Chance that an older member (second migration band) who lives at home leaves to work away.",
        Min = 0, Max = 1, Source = "Assumption: migration falls with age",
        UncertainLow = 0.02, UncertainHigh = 0.06, UncertainWhy = "Half to one and a half times: little evidence on older migrants")]
    public double MigrationStartOlder { get; init; } = 0.04;

    [Param("per year", "Chance that a migrant worker comes home to stay (all migrants return at the pension age).",
        Min = 0, Max = 1, Source = "Assumption: spells away of about six to seven years",
        UncertainLow = 0.1, UncertainHigh = 0.2, UncertainWhy = "Spells away of five to ten years")]
    public double MigrationReturn { get; init; } = 0.15;

    [Param("years", "Youngest and oldest age at which a member may leave the rural population for good.",
        Min = 0, Max = 120, Source = "Assumption: permanent moves to towns are made by the young")]
    public int[] UrbanisationAges { get; init; } = [16, 35];

    [Param("per year", "Chance that a member within the urbanisation ages leaves the rural population for good.",
        Min = 0, Max = 1, Source = "Assumption: with natural decrease, the rural population falls about 1.4% a year in the 2020s (498.35 M in 2021 after 509.79 M in 2020) and to about 300 M by 2050, in line with projections of 75-80% urbanisation",
        UncertainLow = 0.025, UncertainHigh = 0.045, UncertainWhy = "Projections put 2050 urbanisation between 70% and 80%")]
    public double Urbanisation { get; init; } = 0.035;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (FertileToAge < FertileFromAge) yield return ("fertile_to_age", $"{FertileToAge} is below fertile_from_age {FertileFromAge}");
        if (MigrationAges.Length != 3 || MigrationAges[0] > MigrationAges[1] || MigrationAges[1] > MigrationAges[2])
            yield return ("migration_ages", "needs three increasing ages [young from, older from, older to]");
        if (UrbanisationAges.Length != 2 || UrbanisationAges[0] > UrbanisationAges[1])
            yield return ("urbanisation_ages", "needs [from, to] with from <= to");
    }
}
