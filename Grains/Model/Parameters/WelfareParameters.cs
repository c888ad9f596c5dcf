namespace EcosystemSim.Model.Parameters;

/// <summary>Lines and thresholds of the welfare flags.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record WelfareParameters
{
    [Param("yuan/person/year", "Poverty line on per-capita disposable income in its year (below); indexed to prices.",
        Min = 0, Max = 1e6, Source = "China's rural poverty line of 2,300 yuan at 2010 prices, about 4,000 yuan in 2020 (NBS)")]
    public double PovertyLineYuan { get; init; } = 4000;

    [Param("year", "Year of the poverty line above.", Min = 1990, Max = 2100, Source = "NBS")]
    public int PovertyLineYear { get; init; } = 2020;

    [Param("share", "Catastrophic health expenditure: out-of-pocket medical spending above this share of the household's capacity to pay (disposable income less subsistence spending at the dibao standard).",
        Min = 0, Max = 1, Source = "WHO definition, 40% of capacity to pay, as in the CFPS studies (CALIBRATION.md A)")]
    public double CatastrophicThreshold { get; init; } = 0.4;
}
