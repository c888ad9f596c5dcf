namespace EcosystemSim.Model.Parameters;

/// <summary>The household income process: regional levels and growth, a persistent and a transitory shock.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record IncomeParameters
{
    [Param("year", "Year to which the income levels below (and the local top-ups) refer.",
        Min = 1990, Max = 2100, Source = "The paper's reference year, 2021")]
    public int BaseYear { get; init; } = 2021;

    [Param("yuan/person/year", "Mean per-capita market income of rural residents in the base year, by region.",
        Min = 100, Max = 1e6, Source = "NBS 2021 rural per-capita disposable income by region: East 23,556, Central 17,857, West 15,608, Northeast 18,280; weighted by the region shares they give the national 18,931 (CALIBRATION.md A)")]
    public RegionValues<double> MeanPerCapitaYuan { get; init; } = new(23556, 17857, 15608, 18280);

    [Param("per year", "Nominal growth of mean income, by region, from the base year on (and backwards before it).",
        Min = -0.5, Max = 0.5, Source = "NBS 2022: income growth of all residents 2012-2021 of East +110.1%, Central +116.2%, West +123.5%, Northeast +89.5%, annualised (CALIBRATION.md C)")]
    public RegionValues<double> GrowthRate { get; init; } = new(0.0860, 0.0894, 0.0935, 0.0736);

    [Param("ratio", "Median over mean of per-capita income; fixes the spread of the log-normal income distribution.",
        Min = 0.3, Max = 0.999, Source = "NBS: the rural median is 84.8% of the mean (CALIBRATION.md A)")]
    public double MedianMeanRatio { get; init; } = 0.85;

    [Param("share", "Share of the variance of log income that is persistent (the rest is a transitory shock drawn anew each year).",
        Min = 0, Max = 1, Source = "Assumption: most rural income inequality is persistent (land, skills, migrant members); panel studies put the transitory share at a quarter to a third")]
    public double PersistentShare { get; init; } = 0.75;

    [Param("per year", "Year-to-year autocorrelation of the persistent component of log income.",
        Min = 0, Max = 1, Source = "Assumption: a highly persistent AR(1), typical of household income panels")]
    public double Persistence { get; init; } = 0.9;

    [Param("log sd", "Spread of mean income between counties of a region (standard deviation of the log county level).",
        Min = 0, Max = 2, Source = "Assumption: county means within a region differ by about 15% either way")]
    public double CountySpread { get; init; } = 0.15;
}
