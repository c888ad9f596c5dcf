namespace EcosystemSim.Model.Parameters;

/// <summary>Exogenous urban series, for the urban-rural ratios.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record UrbanParameters
{
    [Param("yuan/person/year", "Urban per-capita disposable income by year.",
        Min = 0, Max = 1e7, Source = "NBS: 43,834 (2020), 47,412 (2021), 49,283 (2022), 51,821 (2023), 54,188 (2024) (CALIBRATION.md A and B); for the backtest from 2016, NBS statistical communiques: 33,616 (2016), 36,396 (2017), 39,251 (2018), 42,359 (2019) (2017-2019 as reprinted in the 2020 Xinjiang Production and Construction Corps statistical yearbook, appendix 1-5, and secondary summaries)")]
    public YearSchedule IncomePerCapitaYuan { get; init; } =
        YearSchedule.Of((2016, 33616), (2017, 36396), (2018, 39251), (2019, 42359), (2020, 43834), (2021, 47412), (2022, 49283), (2023, 51821), (2024, 54188));

    [Param("per year", "Growth of urban income after its last listed year (and before its first).",
        Min = -0.5, Max = 0.5, Source = "Assumption: about 4.5% nominal, the 2022-2024 average",
        UncertainLow = 0.03, UncertainHigh = 0.06, UncertainWhy = "Nominal urban income growth of 3-6% a year")]
    public double IncomeGrowth { get; init; } = 0.045;

    [Param("yuan/month", "Average urban-employee pension by year.",
        Min = 0, Max = 1e6, Source = "The paper; MOHRSS 2021 bulletin: 3,577 yuan (CALIBRATION.md A)")]
    public YearSchedule EmployeePensionMonthlyYuan { get; init; } = YearSchedule.Of((2021, 3577));

    [Param("per year", "Growth of the employee pension after its last listed year (and before its first).",
        Min = -0.5, Max = 0.5, Source = "Assumption: annual adjustments of 4.0%, 3.8%, 3.0% and 2.0% in 2022-2025",
        UncertainLow = 0.02, UncertainHigh = 0.04, UncertainWhy = "Annual adjustments of 2-4%")]
    public double EmployeePensionGrowth { get; init; } = 0.03;
}
