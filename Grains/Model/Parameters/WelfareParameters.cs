namespace EcosystemSim.Model.Parameters;

/// <summary>Lines and thresholds of the welfare flags.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record WelfareParameters
{
    [Param("yuan/person/year", "Poverty line on disposable income per person (per equivalent adult under another equivalence scale) in its year (below); indexed to prices.",
        Min = 0, Max = 1e6, Source = "China's rural poverty line of 2,300 yuan at 2010 prices, about 4,000 yuan in 2020 (NBS)")]
    public double PovertyLineYuan { get; init; } = 4000;

    [Param("year", "Year of the poverty line above.", Min = 1990, Max = 2100, Source = "NBS")]
    public int PovertyLineYear { get; init; } = 2020;

    [Param("scale", "How a household's income is shared among its members in every income measure (poverty lines, relative poverty, inequality, quintiles and deciles, the poverty and impoverishment flags): per_capita, oecd_modified (1 for the first adult, 0.5 for each further member 14 or over, 0.3 for each child) or square_root (of household size). Means stay per capita (NBS).",
        Source = "Default per_capita: NBS publishes rural income per capita, and the calibration targets are per capita (CALIBRATION.md A); oecd_modified (Eurostat) and square_root (OECD) credit larger households with economies of scale")]
    public Welfare.EquivalenceScale EquivalenceScale { get; init; } = Welfare.EquivalenceScale.PerCapita;

    [Param("share", "Catastrophic health expenditure: out-of-pocket medical spending above this share of the household's capacity to pay (disposable income less subsistence spending at the dibao standard).",
        Min = 0, Max = 1, Source = "WHO definition, 40% of capacity to pay, as in the CFPS studies (CALIBRATION.md A)")]
    public double CatastrophicThreshold { get; init; } = 0.4;
}
