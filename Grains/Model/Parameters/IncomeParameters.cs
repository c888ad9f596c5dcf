namespace EcosystemSim.Model.Parameters;

/// <summary>
/// Household market income: earnings of members at home by age, remittances of members working
/// away, both scaled by the household's productivity, a persistent AR(1) plus a transitory shock.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record IncomeParameters : IValidatable
{
    [Param("year", "Year to which the income levels below (and the local top-ups) refer.",
        Min = 1990, Max = 2100, Source = "The paper's reference year, 2021")]
    public int BaseYear { get; init; } = 2021;

    [Param("yuan/person/year", "Mean per-capita market income (earnings and remittances, before public transfers) in the base year, by region, for a population of the census age shape.",
        Min = 100, Max = 1e6, Source = "Calibrated so that 2021 disposable income matches NBS: East 23,556, Central 17,857, West 15,608, Northeast 18,280 (national 18,931; CALIBRATION.md A), within 1% so that the quintile means (grouped by households, which average 19,847) are met too; public transfers net of contributions and premiums make up the difference",
        UncertainLow = 0.95, UncertainHigh = 1.05, UncertainWhy = "Calibrated to NBS disposable income; 5% either way covers the uncertain share of transfers in it")]
    public RegionValues<double> MeanMarketPerCapitaYuan { get; init; } = new(22600, 16950, 14650, 17250);

    [Param("per year", "Nominal growth of mean income by region from the base year, until the year below.",
        Min = -0.5, Max = 0.5, Source = "NBS 2022: income growth of all residents 2012-2021 of East +110.1%, Central +116.2%, West +123.5%, Northeast +89.5%, annualised (CALIBRATION.md C)")]
    public RegionValues<double> GrowthRate { get; init; } = new(0.0860, 0.0894, 0.0935, 0.0736);

    [Param("year", "Last year of the historical growth rates; after it, growth eases to the long-run rate.",
        Min = 1990, Max = 2100, Source = "The historical rates end with the base year; they also carry incomes back before it")]
    public int GrowthUntilYear { get; init; } = 2021;

    [Param("per year", "Long-run nominal income growth (every region) after the historical rates.",
        Min = -0.5, Max = 0.5, Source = "NBS: rural per-capita disposable income grew 6.3% (2022), 7.7% (2023) and 6.6% (2024) in nominal terms (recalled); regions keep their level gaps")]
    public double LongRunGrowthRate { get; init; } = 0.065;

    [Param("years", "Ages at which the earning groups below begin: the first group is below the first age.",
        Min = 0, Max = 120, Source = "Rationale: children below 16, working age to 59, the young old to 69, the old from 70")]
    public int[] EarningAgeBounds { get; init; } = [16, 60, 70];

    [Param("earning weight", "Earnings of a member at home by age group, relative to a working-age adult: children, working age, the young old, the old.",
        Min = 0, Max = 10, Source = "Assumption: older farmers still farm (a rural elderly person earns about 30% of a working-age adult in their sixties, 10% later); children earn nothing; calibrated with log_sd to the income distribution's shape")]
    public double[] EarningWeights { get; init; } = [0, 1.0, 0.3, 0.1];

    [Param("factor", "Earnings of a member with a chronic condition relative to a healthy member of the same age.",
        Min = 0, Max = 1, Source = "Assumption: chronic illness cuts working time and capacity; illness is a main cause of rural poverty (44% of the poor in 2015 were impoverished by illness; CALIBRATION.md A)",
        UncertainLow = 0.3, UncertainHigh = 0.7, UncertainWhy = "The earnings lost to chronic illness are not measured here: 30-70% kept")]
    public double ChronicEarningFactor { get; init; } = 0.5;

    [Param("yuan/year", "Remittances a member working away sends home in the base year; grows with regional income.",
        Min = 0, Max = 1e6, Source = "Assumption: about 30% of a migrant worker's pay of 4,432 yuan a month (NBS migrant worker monitoring survey 2021, recalled)",
        UncertainLow = 12000, UncertainHigh = 20000, UncertainWhy = "20-40% of a migrant worker's pay")]
    public double RemittanceYuan { get; init; } = 16000;

    [Param("log sd", "Spread of household productivity (standard deviation of log income at given composition).",
        Min = 0, Max = 3, Source = "Calibrated with the composition of households and the bad years below to the NBS 2021 rural income quintile means (4,856 / 11,586 / 16,546 / 23,167 / 43,082 yuan; NBS statistical communique 2021) and the median at about 85% of the mean (CALIBRATION.md A)",
        UncertainLow = 0.32, UncertainHigh = 0.4, UncertainWhy = "Calibrated to the middle quintile means; a tenth either way")]
    public double LogSd { get; init; } = 0.36;

    [Param("share", "Share of the variance of log productivity that is persistent (the rest is a transitory shock drawn anew each year).",
        Min = 0, Max = 1, Source = "Assumption: most rural income inequality is persistent (land, skills); panel studies put the transitory share at a quarter to a third",
        UncertainLow = 0.65, UncertainHigh = 0.8, UncertainWhy = "Panel studies put the transitory share at a fifth to a third")]
    public double PersistentShare { get; init; } = 0.75;

    [Param("per year", "Chance that a household has a bad year: a harvest lost to drought, flood or pests, a migrant's job lost, a failed business; its market income that year falls by the share below.",
        Min = 0, Max = 1, Source = "Calibrated with bad_year_loss so that the 2021 rural income quintile means match NBS (4,856 / 11,586 / 16,546 / 23,167 / 43,082 yuan; the bottom fifth's mean is a quarter of the average): the log-normal alone cannot make a bottom fifth that poor while keeping the middle fifths; rural incomes are volatile (crops hit by natural disasters, migrant job loss)",
        UncertainLow = 0.08, UncertainHigh = 0.2, UncertainWhy = "Calibrated to the bottom quintile mean; the share of households with a large loss in a year is not measured directly")]
    public double BadYearProbability { get; init; } = 0.09;

    [Param("share", "Share of a year's market income a bad year takes.",
        Min = 0, Max = 1, Source = "Calibrated with bad_year_probability to the NBS 2021 quintile means; a harvest or a job lost for most of a year",
        UncertainLow = 0.7, UncertainHigh = 1.0, UncertainWhy = "Calibrated to the bottom quintile mean; how deep a bad year goes trades off against how often")]
    public double BadYearLoss { get; init; } = 0.9;

    [Param("per year", "Year-to-year autocorrelation of the persistent component of log income.",
        Min = 0, Max = 1, Source = "Assumption: a highly persistent AR(1), typical of household income panels",
        UncertainLow = 0.8, UncertainHigh = 0.97, UncertainWhy = "AR(1) coefficients of 0.8-0.97 in household income panels")]
    public double Persistence { get; init; } = 0.9;

    [Param("log sd", "Spread of mean income between counties of a region in the first year.",
        Min = 0, Max = 2, Source = "Assumption: county means within a region differ by about 15% either way",
        UncertainLow = 0.1, UncertainHigh = 0.25, UncertainWhy = "County means within a region differ by 10-25%")]
    public double CountySpread { get; init; } = 0.15;

    [Param("log sd per year", "Yearly shock to a county's income level (a random walk): counties diverge over time.",
        Min = 0, Max = 1, Source = "Assumption: county growth differs by about 1.5 points a year",
        UncertainLow = 0.005, UncertainHigh = 0.025, UncertainWhy = "County growth differs by half a point to 2.5 points a year")]
    public double CountyDrift { get; init; } = 0.015;

    /// <summary>The region's income growth rate in a year (historical rates to GrowthUntilYear, then the long-run rate).</summary>
    public double GrowthIn(Region region, int year) => year <= GrowthUntilYear ? GrowthRate[region] : LongRunGrowthRate;

    /// <summary>The region's income index relative to the base year (1 in the base year).</summary>
    public double Index(Region region, int year)
    {
        double index = 1;
        for (int y = BaseYear + 1; y <= year; y++) index *= 1 + GrowthIn(region, y);
        for (int y = BaseYear; y > year; y--) index /= 1 + GrowthIn(region, y);
        return index;
    }

    /// <summary>Smallest admissible largest earning weight (weights are relative to a working-age adult, normally 1).</summary>
    public const double MinimumLargestEarningWeight = 0.01;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (EarningWeights.Length != EarningAgeBounds.Length + 1)
            yield return ("earning_weights", $"needs one weight per age group: {EarningAgeBounds.Length + 1} groups from earning_age_bounds");
        // The earnings unit is the regional mean over the earning weight per person: with no one earning it is infinite.
        if (EarningWeights.Length > 0 && EarningWeights.Max() < MinimumLargestEarningWeight)
            yield return ("earning_weights", $"at least one age group must earn: the largest weight must be at least {MinimumLargestEarningWeight}");
        if (BadYearProbability * BadYearLoss >= 1)
            yield return ("bad_year_loss", "a bad year every year that takes all income leaves no income to scale: lower bad_year_probability or bad_year_loss below 1");
        for (int i = 1; i < EarningAgeBounds.Length; i++)
        {
            if (EarningAgeBounds[i] <= EarningAgeBounds[i - 1]) yield return ("earning_age_bounds", "ages must increase");
        }
    }
}
