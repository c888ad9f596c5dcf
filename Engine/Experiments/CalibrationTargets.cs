namespace EcosystemSim.Engine.Experiments;

/// <summary>A published figure the baseline is checked against, with the range accepted and its source.</summary>
/// <param name="Quantity">What is compared, in words.</param>
/// <param name="Measure">The metric compared (a metrics.csv name, national unless <see cref="Region"/> says otherwise), or the numerator of a ratio of two metrics.</param>
/// <param name="Year">The simulated year compared.</param>
/// <param name="Published">The published value.</param>
/// <param name="Low">Lowest accepted simulated value.</param>
/// <param name="High">Highest accepted simulated value.</param>
/// <param name="Source">Where the published value comes from.</param>
/// <param name="Required">Whether the baseline must meet it (issue 3's targets) or it is shown for information.</param>
public sealed record CalibrationTarget(string Quantity, string Measure, int Year, double Published, double Low, double High, string Source, bool Required)
{
    /// <summary>For a ratio of two metrics, the denominator's metric name; null when <see cref="Measure"/> is compared as it is.</summary>
    public string? Over { get; init; }

    /// <summary>For a change, the earlier year: the value compared is the measure's relative change from it to <see cref="Year"/>; null for a level.</summary>
    public int? From { get; init; }

    /// <summary>The metrics.csv region the measure is read in.</summary>
    public string Region { get; init; } = "national";

    /// <summary>The year compared, or for a change its first and last years.</summary>
    public string Period => From is { } from ? $"{from}-{Year}" : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The earliest simulated year the target reads.</summary>
    public int FirstYear => From ?? Year;

    public static CalibrationTarget Within(string quantity, string measure, int year, double published, double tolerance, string source, bool required = true) =>
        new(quantity, measure, year, published, published * (1 - tolerance), published * (1 + tolerance), source, required);

    public bool Accepts(double value) => value >= Low && value <= High;
}

/// <summary>The 2021 targets of CALIBRATION.md section A (and the year after where a figure is later).</summary>
public static class CalibrationTargets
{
    public static IReadOnlyList<CalibrationTarget> All { get; } =
    [
        CalibrationTarget.Within("Average monthly resident pension (yuan)", "avg_monthly_pension_yuan", 2021, 191, 0.10,
            "The paper, section 3.1; consistent with 2021 fund spending of 0.37 trillion yuan over about 162 M beneficiaries"),
        CalibrationTarget.Within("Rural per-capita disposable income (yuan)", "mean_income_per_capita_yuan", 2021, 18931, 0.05, "NBS"),
        CalibrationTarget.Within("Urban-rural income ratio", "urban_rural_income_ratio", 2021, 2.50, 0.05, "NBS: 47,412 / 18,931"),
        CalibrationTarget.Within("Urban-rural pension ratio", "urban_rural_pension_ratio", 2021, 18.7, 0.15,
            "The paper; MOHRSS 2021 bulletin: 3,577 / 191"),
        CalibrationTarget.Within("Dibao recipients, share of rural residents", "dibao_recipient_rate", 2021, 35.97 / 498.35, 0.30,
            "Ministry of Civil Affairs: 35.97 M rural recipients in Q1 2021; NBS: 498.35 M rural residents"),
        new("Catastrophic health expenditure, share of rural households", "catastrophic_health_rate", 2021, 0.183, 0.12, 0.22,
            "CFPS: 18.42% (2012), 18.31% (2018); Health Economics Review 2022, doi 10.1186/s13561-022-00365-z", true),
        new("Resident medical insurance enrolment", "medical_enrollment_rate", 2021, 0.90, 0.85, 1.0,
            "Issue 3: above 90%, set before members working away could be insured at work instead; NHSA 2021: 1,008.66 M resident enrollees, "
            + "95.3% of the population outside the employee insurance (recalled)", true),
        new("Basic medical insurance coverage (resident or employee insurance)", "medical_coverage_rate", 2021, 0.965, 0.95, 1.0,
            "NHSA 2021 statistical bulletin: 1,362.97 M insured (1,008.66 M resident, 354.31 M employee; recalled) of 1,412.60 M residents (NBS 2021), "
            + "and coverage above 95% in every bulletin since 2018", true),
        new("Contributors at the lowest tier", "pension_lowest_tier_share", 2021, 0.6, 0.5, 1.0,
            "Zhu Ling et al., China Economist (field study): a majority choose the minimum tier", true),
        new("Rural supplementary medical (Huimin Bao-style) uptake", "supplementary_medical_uptake", 2021, 0.10, 0.03, 0.20,
            "China Re and MediTrust 2022: 140 M person-times in 2021, about 10% of the population; rural uptake lower (issue 4: between 3% and 20%)", true),
        new("Top-up uptake of members with a chronic condition over that of the healthy", "supplementary_medical_uptake_chronic", 2021, 1.0, 1.1, 100,
            "Adverse selection: the sick buy more (issue 4: measurably higher)", true) { Over = "supplementary_medical_uptake_healthy" },
        .. IncomeQuintiles(),
        .. RegionalPensions(),
        CalibrationTarget.Within("Rural dibao spending (yuan)", "dibao_spending_yuan", 2021, 134.9e9, 0.15,
            "Ministry of Civil Affairs, 2021 statistical bulletin on the development of civil affairs: 134.9 bn yuan of rural dibao for 34.7 M recipients at the year's end (recalled)"),
        new("Share of rural residents aged 60+ receiving a pension", "pension_recipient_rate", 2021, 0.98, 0.95, 1.0,
            "Near-universal: about 162 M resident-scheme beneficiaries (MOHRSS 2021 bulletin, recalled) and 100-110 M employee-scheme retirees aged 60+ (assumed share of 131.57 M) against 267.36 M aged 60+ (NBS 2021)", false),
        CalibrationTarget.Within("Median over mean income", "median_income_per_capita_yuan", 2021, 0.848, 0.05, "NBS: the rural median is 84.8% of the mean",
            required: false) with { Over = "mean_income_per_capita_yuan" },
        // Quintile groups hold equal numbers of persons, so the ratio of their income shares is the ratio of their mean incomes.
        new("Top over bottom quintile mean income", "income_mean_q5_yuan", 2021, 43082.0 / 4856, 7.5, 10.5,
            "NBS statistical communique 2021: 43,082 / 4,856 (8.87); 7.3 in 2007 (NBS Yearbook 2008, table 9-23)", false) { Over = "income_mean_q1_yuan" },
        CalibrationTarget.Within("Share of rural residents aged 60+", "elderly_share", 2021, 0.2381, 0.05, "2020 census", required: false),
        CalibrationTarget.Within("Admissions per 100 enrollees", "admissions_per_100_enrollees", 2023, 20.7, 0.10, "NHSA 2023 bulletin", required: false),
        CalibrationTarget.Within("Average rural dibao standard (yuan a month)", "dibao_standard_monthly_yuan", 2021, 503.8, 0.10,
            "Ministry of Civil Affairs, Q1 2021", required: false),
        CalibrationTarget.Within("Out-of-pocket medical spending per rural resident (yuan)", "medical_oop_per_capita_yuan", 2021, 1580, 0.15,
            "NBS 2021: rural per-capita health care consumption (recalled)", required: false),
        new("Top-up uptake of the richest fifth over that of the poorest", "supplementary_medical_uptake_q5", 2021, 1.0, 1.1, 100,
            "Commercial health insurance holding rises with income (CHFS 2017: Wan, Peng, Shi & Coyte, IJERPH 2020, doi 10.3390/ijerph17155348; " +
            "CHARLS 2015: holders' mean income 20,695 yuan against 6,165, Jiang & Ni, Health Economics Review 2019, table 1); " +
            "no Huimin Bao uptake by income quintile is published (issue 16: measurably higher)", true) { Over = "supplementary_medical_uptake_q1" },
    ];

    /// <summary>
    /// Average resident pension by region in 2024, within 10% each (issue 16): fund spending over
    /// beneficiaries at the year's end, summed over each region's provinces (China Statistical
    /// Yearbook 2025, table 24-27). No provincial table for 2021 was found; 2024 is the first year
    /// with one, and a simulated year of the baseline.
    /// </summary>
    private static IEnumerable<CalibrationTarget> RegionalPensions()
    {
        const string source = "China Statistical Yearbook 2025, table 24-27 (2024), as transcribed in liubigfatty/pension-calculator, "
            + "scripts/_official_percapita_stats.js (its provinces add up to the national row: 245.8 yuan); fund spending over beneficiaries at the year's end";
        (string Region, string Name, double Spending, double Beneficiaries)[] regions =
        [
            ("east", "East", 2491.2, 6505.3), ("central", "Central", 1353.7, 5611.4),
            ("west", "West", 1240.0, 4891.8), ("northeast", "Northeast", 236.8, 1031.0),
        ];
        foreach (var (region, name, spending, beneficiaries) in regions)
        {
            // 100 M yuan over 10,000 persons, a year, to yuan a month.
            double monthly = spending * 1e8 / (beneficiaries * 1e4) / 12;
            yield return CalibrationTarget.Within($"Average monthly resident pension, {name} (yuan)", "avg_monthly_pension_yuan", 2024, monthly, 0.10,
                $"{source}: {spending:N1} (100 M yuan) over {beneficiaries:N1} (10,000 persons)") with { Region = region };
        }
    }

    /// <summary>NBS 2021 rural per-capita disposable income by fifth of households, within 10% each (issue 16).</summary>
    private static IEnumerable<CalibrationTarget> IncomeQuintiles()
    {
        double[] published = [4856, 11586, 16546, 23167, 43082];
        string[] names = ["bottom", "second", "middle", "fourth", "top"];
        return published.Select((value, i) => CalibrationTarget.Within($"Rural income, {names[i]} fifth of households (yuan per person)",
            $"income_mean_q{i + 1}_yuan", 2021, value, 0.10,
            "NBS statistical communique on the 2021 national economic and social development: rural quintile means 4,856 / 11,586 / 16,546 / 23,167 / 43,082 yuan"));
    }
}
