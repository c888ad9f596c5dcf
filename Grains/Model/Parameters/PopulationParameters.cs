namespace EcosystemSim.Model.Parameters;

/// <summary>The synthetic rural population: size, regions, counties, households and ages.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record PopulationParameters : IValidatable
{
    [Param("persons", "Rural resident population in the start year. Each simulated person stands for this total divided by the simulated persons (the weight).",
        Min = 1e3, Max = 2e9, Source = "NBS: 498.35 M rural residents at the end of 2021 (CALIBRATION.md C). Range: from a village-sized teaching population to about 1.5 times China's total population (weights beyond it only overflow the totals)")]
    public double RuralPopulation { get; init; } = 498.35e6;

    [Param("share", "Share of the rural population in each region (normalised to sum 1).",
        Min = 0, Max = 1, Source = "Regional shape of URRBPI participants, China Statistical Yearbook table 24-27 (CALIBRATION.md C), used as the shape of the rural population")]
    public RegionValues<double> RegionShares { get; init; } = new(0.305, 0.335, 0.307, 0.053);

    [Param("counties", "Representative counties (one local government each) per region.",
        Min = 1, Max = 2000, Source = "Rationale: enough counties to show the spread of local policy within a region, few enough that every county has hundreds of households at the default size")]
    public RegionValues<int> Counties { get; init; } = new(12, 13, 12, 3);

    [Param("share", "Distribution of household size: shares of households with 1, 2, ... members (normalised to sum 1).",
        Min = 0, Max = 1, Source = "Assumption: rural households are larger than the national 2.62 (2020 census); these shares give a mean of 2.98 persons")]
    public double[] HouseholdSizeShares { get; init; } = [0.17, 0.30, 0.18, 0.16, 0.11, 0.08];

    [Param("share", "Rural age distribution in five-year bands 0-4, 5-9, ... 80-84 and 85+ (normalised to sum 1).",
        Min = 0, Max = 1, Source = "Shape under 60: assumption after the 2020 census age pyramid; totals constrained to the census rural shares aged 60+ (23.81%) and 65+ (17.72%) (CALIBRATION.md C)")]
    public double[] AgeBandShares { get; init; } =
    [
        0.0578, 0.0685, 0.0674, 0.0535, 0.0428, 0.0492, 0.0621, 0.0567, 0.0599, 0.0792, 0.0899, 0.0749,
        0.0609, 0.0630, 0.0490, 0.0330, 0.0200, 0.0122,
    ];

    [Param("years", "Every household has at least one member of this age or older (its reference person).",
        Min = 0, Max = 80, Source = "Rationale: no household of children only; legal adulthood")]
    public int HeadMinimumAge { get; init; } = 18;

    [Param("years", "Oldest age in the open top age band (85+); ages in that band are uniform up to it.",
        Min = 85, Max = 110, Source = "Rationale: very few rural residents live past 100")]
    public int MaxAge { get; init; } = 100;

    [Param("share", "Median initial insurance awareness (0-1) by region: how well members know the schemes and their rules.",
        Min = 0.01, Max = 0.99, Source = "Assumption: awareness is higher where publicity and income are higher (the paper, section 3.1, names poor awareness and inadequate publicity as causes of non-participation)",
        UncertainLow = 0.85, UncertainHigh = 1.15, UncertainWhy = "A judgement, not a survey figure: each region's median 15% lower or higher (0.55-0.75 for Central's 0.65)")]
    public RegionValues<double> InitialAwareness { get; init; } = new(0.75, 0.65, 0.60, 0.65);

    [Param("share", "Median initial trust in public schemes (0-1) by region.",
        Min = 0.01, Max = 0.99, Source = "Assumption: moderate trust everywhere, a little lower where subsidies have been less regular (the paper, section 3.1)",
        UncertainLow = 0.85, UncertainHigh = 1.15, UncertainWhy = "A judgement, not a survey figure: each region's median 15% lower or higher")]
    public RegionValues<double> InitialTrust { get; init; } = new(0.70, 0.65, 0.60, 0.62);

    [Param("log-odds", "Spread (standard deviation on the log-odds scale) of initial awareness and trust between households.",
        Min = 0, Max = 5, Source = "Assumption: wide heterogeneity, about a quarter of households below 0.45 when the mean is 0.65",
        UncertainLow = 0.6, UncertainHigh = 1.4, UncertainWhy = "The spread of unobserved attitudes is a guess: 40% either way")]
    public double AttitudeSpread { get; init; } = 1.0;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (RegionShares.Values.Sum() <= 0) yield return ("region_shares", "at least one region needs a positive share");
        if (HouseholdSizeShares.Length > 20) yield return ("household_size_shares", "at most 20 household sizes");
        if (HouseholdSizeShares.Sum() <= 0) yield return ("household_size_shares", "at least one size needs a positive share");
        int bands = MaxAge / 5 + 1;
        if (AgeBandShares.Length > bands) yield return ("age_band_shares", $"at most {bands} five-year bands below max_age {MaxAge}");
        if (AgeBandShares.Skip(HeadMinimumAge / 5).Sum() <= 0)
        {
            yield return ("age_band_shares", $"no one is old enough to head a household (head_minimum_age {HeadMinimumAge})");
        }
    }
}
