namespace EcosystemSim.Model.Parameters;

/// <summary>The resident basic pension (URRBPI): the national rules, local subsidies and top-ups, and member behaviour.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record PensionParameters : IValidatable
{
    [Param("yuan/month", "Central minimum basic pension by year; after the last listed year it follows central.minimum_rule.",
        Min = 0, Max = 100000, Source = "State Council; Government Work Reports 2024 and 2025: 55 (2009), 70 (2014), 88 (2018), 93 (2020), 98 (2022), 103 (2023), 123 (2024), 143 (2025), 163 (2026) (CALIBRATION.md B)")]
    public YearSchedule MinimumMonthlyYuan { get; init; } =
        YearSchedule.Of((2009, 55), (2014, 70), (2018, 88), (2020, 93), (2022, 98), (2023, 103), (2024, 123), (2025, 143), (2026, 163));

    [Param("yuan/year", "Contribution tiers a member may choose, in increasing order.",
        Min = 1, Max = 1000000, Source = "State Council 2014 opinion: 100, 200, ... 1,000, 1,500, 2,000 (CALIBRATION.md B)")]
    public int[] TiersYuan { get; init; } = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000];

    [Param("yuan/year", "Local contribution subsidy paid into the account for each tier (before the regional multiplier; never below the legal floors).",
        Min = 0, Max = 100000, Source = "Floors from the State Council 2014 opinion (CALIBRATION.md B); 5 yuan more per 100-yuan step, as in common provincial schedules (assumption)")]
    public double[] SubsidyByTierYuan { get; init; } = [30, 35, 40, 45, 60, 65, 70, 75, 80, 85, 100, 120];

    [Param("yuan/year", "Legal minimum subsidy for the lowest tier.",
        Min = 0, Max = 100000, Source = "State Council 2014 opinion: at least 30 yuan (CALIBRATION.md B)")]
    public double SubsidyFloorLowestYuan { get; init; } = 30;

    [Param("yuan/year", "Legal minimum subsidy for tiers at or above the high-tier threshold.",
        Min = 0, Max = 100000, Source = "State Council 2014 opinion: at least 60 yuan for tiers of 500 and above (CALIBRATION.md B)")]
    public double SubsidyFloorHighYuan { get; init; } = 60;

    [Param("yuan/year", "Tier from which the higher subsidy floor applies.",
        Min = 0, Max = 1000000, Source = "State Council 2014 opinion: 500 yuan (CALIBRATION.md B)")]
    public double SubsidyHighTierYuan { get; init; } = 500;

    [Param("factor", "Multiplier on the subsidy schedule by region (richer provinces subsidise more).",
        Min = 0, Max = 20, Source = "Assumption: eastern provinces pay about half as much again; others the common schedule",
        UncertainLow = 0.8, UncertainHigh = 1.2, UncertainWhy = "Provincial subsidy schedules differ: a fifth either way")]
    public RegionValues<double> SubsidyMultiplier { get; init; } = new(1.5, 1.0, 1.0, 1.0);

    [Param("yuan/month", "Average local top-up to the basic pension in the income base year, by region.",
        Min = 0, Max = 100000, Source = "Calibrated to the average resident pension by region in 2024 (China Statistical Yearbook 2025, table 24-27: East 319, Central 201, West 211, Northeast 191 yuan a month; docs/calibration.md) and near 191 yuan nationally in 2021 (the paper, section 3.1); much larger in the East, where some provinces pay several times the national average (CALIBRATION.md D)",
        UncertainLow = 0.9, UncertainHigh = 1.1, UncertainWhy = "Calibrated to the regional averages of 2024 within 10%; a tenth either way")]
    public RegionValues<double> TopUpMonthlyYuan { get; init; } = new(167, 67, 75, 59);

    [Param("log sd", "Spread of the local top-up between counties of a region beyond what their income explains (standard deviation of the log county factor).",
        Min = 0, Max = 3, Source = "Assumption: top-ups differ widely between provinces and counties",
        UncertainLow = 0.15, UncertainHigh = 0.4, UncertainWhy = "Top-ups within a region differ by 15-40%")]
    public double TopUpCountySpread { get; init; } = 0.25;

    [Param("true/false", "One top-up rule for every county: the regional top-up grown with national income, without county differences (national standardisation).",
        Source = "Lever (the paper, sections 3.2 and 4.2: unify benefits); off in the baseline")]
    public bool StandardisedTopUp { get; init; }

    [Param("yuan/month", "National floor under the local top-up in the income base year, grown with national income as a standardised top-up is (pension.top_up_income_elasticity): a county whose own top-up is lower pays the floor; counties above it keep theirs (0: no floor).",
        Min = 0, Max = 100000, Source = "Lever (the paper, section 4.2: unify benefits so that farmers in the central and western regions gain as a whole; a floor levels up without levelling anyone down); 0 in the baseline")]
    public double TopUpFloorMonthlyYuan { get; init; }

    [Param("share", "Share of the raise up to the national top-up floor (the floor less the county's own top-up) that the central government pays, by region (the rest is local).",
        Min = 0, Max = 1, Source = "Lever (the paper, sections 4.1 and 4.2: the state increases its investment, under top-level coordination); 0 in the baseline; the issue-17 reading has the centre pay 80-90% outside the East, as it pays the minimum there")]
    public RegionValues<double> CentralShareOfFloorRaise { get; init; } = new(0, 0, 0, 0);

    [Param("elasticity", "How much more (in %) a county tops up per 1% more income than its region's average.",
        Min = 0, Max = 5, Source = "Assumption: richer counties pay disproportionately larger top-ups (the paper, section 3.2: supplementary projects are better in developed areas)",
        UncertainLow = 1, UncertainHigh = 2, UncertainWhy = "From proportional to twice proportional to county income")]
    public double TopUpCountyIncomeElasticity { get; init; } = 1.5;

    [Param("elasticity", "Growth of the local top-up relative to the growth of the county's income (the region's growth and the county's drift; 1: in step with income).",
        Min = 0, Max = 3, Source = "Assumption: top-ups rise with local income but more slowly, as local budgets also carry the growing elderly population",
        UncertainLow = 0.3, UncertainHigh = 1, UncertainWhy = "Top-ups rising at a third of the pace of income up to its full pace")]
    public double TopUpIncomeElasticity { get; init; } = 0.6;

    [Param("share", "Share of the minimum basic pension paid by the central government, by region (the rest is local).",
        Min = 0, Max = 1, Source = "2011 and 2014 opinions: 100% in central and western provinces, 50% in eastern (CALIBRATION.md B); Northeast 83%: Liaoning counts as eastern for this purpose, Jilin and Heilongjiang as central, weighted by rural population (assumption)")]
    public RegionValues<double> CentralShareOfMinimum { get; init; } = new(0.5, 1.0, 1.0, 0.83);

    [Param("share", "Share of the local top-up the central government pays, by region (the rest is local).",
        Min = 0, Max = 1, Source = "0 in the status quo, where top-ups are a local responsibility; a lever for unification that raises benefits in the central and western regions (the paper, section 4.2) without leaving poorer counties to pay for it")]
    public RegionValues<double> CentralShareOfTopUp { get; init; } = new(0, 0, 0, 0);

    [Param("per year", "Interest credited to individual accounts.",
        Min = -0.1, Max = 0.3, Source = "Assumption: near the one-year deposit rate most provinces credit (1.5%) plus the higher rates some credit since 2016",
        UncertainLow = 0.015, UncertainHigh = 0.035, UncertainWhy = "From the one-year deposit rate to the higher rates some provinces credit")]
    public double AccountInterestRate { get; init; } = 0.025;

    [Param("months", "Divisor turning the account balance at 60 into the monthly account pension.",
        Min = 1, Max = 1000, Source = "Guofa [2009] No.32: balance / 139 (CALIBRATION.md B)")]
    public int AnnuityDivisor { get; init; } = 139;

    [Param("years", "Years of contributions needed to receive the pension (cohorts nearer 60 at the scheme's start need fewer).",
        Min = 0, Max = 50, Source = "2009 pilot rules: 15 years (CALIBRATION.md B)")]
    public int VestingYears { get; init; } = 15;

    [Param("years", "Age from which the pension is paid.",
        Min = 40, Max = 80, Source = "Guofa [2009] No.32: 60")]
    public int PensionAge { get; init; } = 60;

    [Param("years", "Age from which a resident may contribute.",
        Min = 10, Max = 40, Source = "Guofa [2009] No.32: 16 (students excepted)")]
    public int EntryAge { get; init; } = 16;

    [Param("year", "First year any county ran the scheme (pilots).",
        Min = 1950, Max = 2100, Source = "Guofa [2009] No.32: pilots from 2009")]
    public int SchemeStartYear { get; init; } = 2009;

    [Param("year", "Year by which every county ran the scheme; each county's start is drawn between the two years.",
        Min = 1950, Max = 2100, Source = "Full national coverage in 2012 (State Council)")]
    public int SchemeCompleteYear { get; init; } = 2012;

    [Param("share", "Chance that an eligible member contributed in a year before the simulation starts (used to build accounts and contribution records at the start).",
        Min = 0, Max = 1, Source = "Assumption: about 70% of the eligible paid in a typical year, consistent with 548 M participants of whom 162 M beneficiaries in 2021 (CALIBRATION.md A)",
        UncertainLow = 0.6, UncertainHigh = 0.8, UncertainWhy = "60-80% of the eligible paying in a typical past year")]
    public double HistoryParticipation { get; init; } = 0.7;

    [Param("share", "Chance that a member who reaches the pension age without enough years pays the missing years at the lowest tier, when affordable.",
        Min = 0, Max = 1, Source = "Calibrated so that nearly every rural resident aged 60+ receives a pension, as the published counts imply: about 162 M resident-scheme beneficiaries (MOHRSS 2021 bulletin, recalled) and about 100-110 M employee-scheme retirees aged 60+ (of 131.57 M retirees; the share aged 60+ is an assumption) against 267.36 M people aged 60+ (NBS 2021 communique); at 0.8 the share receiving fell from 92% to 87% in 2021-2029, a dip no statistic shows",
        UncertainLow = 0.9, UncertainHigh = 1.0, UncertainWhy = "Near-universal receipt is implied by counts from two sources, not measured directly")]
    public double MakeUpPropensity { get; init; } = 0.95;

    [Param("share", "Largest lump sum for missing years, as a share of household annual income, that a household pays.",
        Min = 0, Max = 10, Source = "Assumption: liquidity limits arrears payments",
        UncertainLow = 0.25, UncertainHigh = 1, UncertainWhy = "A quarter to a whole year's income")]
    public double MakeUpAffordableShare { get; init; } = 0.5;

    [Param("share", "Share of the lowest tier the local government pays for members of dibao households (paid in full, they always contribute).",
        Min = 0, Max = 1, Source = "Lever (the paper, section 3.1: economic subsidies for vulnerable groups; local governments pay the lowest tier for the poor in many provinces); none in the baseline")]
    public double PoorContributionShare { get; init; }

    [Param("yuan/year", "Subsidy from the village collective credited to each contributor's account, by region.",
        Min = 0, Max = 1e5, Source = "Lever (the paper, section 4.1: diversified financing through the collective economy); none in the baseline")]
    public RegionValues<double> CollectiveSubsidyYuan { get; init; } = RegionValues<double>.Uniform(0);

    [Section("How working-age members decide whether to contribute in a year (a logit).")]
    public ParticipationParameters Participation { get; init; } = new();

    [Section("How contributors choose a tier (a multinomial logit).")]
    public TierChoiceParameters TierChoice { get; init; } = new();

    public IEnumerable<(string Field, string Message)> Validate()
    {
        for (int k = 1; k < TiersYuan.Length; k++)
        {
            if (TiersYuan[k] <= TiersYuan[k - 1])
            {
                yield return ("tiers_yuan", $"tiers must increase, but {TiersYuan[k]} follows {TiersYuan[k - 1]}");
                break;
            }
        }
        if (SubsidyByTierYuan.Length != TiersYuan.Length)
        {
            yield return ("subsidy_by_tier_yuan", $"needs one subsidy per tier: {TiersYuan.Length} tiers but {SubsidyByTierYuan.Length} subsidies");
        }
        if (SchemeCompleteYear < SchemeStartYear)
        {
            yield return ("scheme_complete_year", $"{SchemeCompleteYear} is before scheme_start_year {SchemeStartYear}");
        }
        if (EntryAge >= PensionAge)
        {
            yield return ("entry_age", $"{EntryAge} must be below pension_age {PensionAge}");
        }
    }
}

/// <summary>
/// The participation logit: the log-odds of contributing this year are the intercept plus each
/// coefficient times its (centred) attribute.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ParticipationParameters
{
    [Param("log-odds", "Intercept: the log-odds of contributing for a member with average attributes.",
        Min = -20, Max = 20, Source = "Calibrated so that about 70% of eligible members contribute in 2021 (see HistoryParticipation)",
        UncertainLow = -2, UncertainHigh = -1.4, UncertainWhy = "Calibrated to 70% contributing in 2021; 0.3 either way moves that by about 5 points")]
    public double Intercept { get; init; } = -1.7;

    [Param("log-odds per unit", "Effect of awareness (0-1, centred at 0.5).",
        Min = -20, Max = 20, Source = "Assumption: awareness is the main barrier the paper names (section 3.1)",
        UncertainLow = 1, UncertainHigh = 3, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Awareness { get; init; } = 2.0;

    [Param("log-odds per unit", "Effect of trust in public schemes (0-1, centred at 0.5).",
        Min = -20, Max = 20, Source = "Assumption: trust in the government's promise drives contributions (the paper, section 3.1)",
        UncertainLow = 0.75, UncertainHigh = 2.25, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Trust { get; init; } = 1.5;

    [Param("log-odds per unit", "Effect of last year's contribution rate in the county (0-1, centred at 0.5): peers.",
        Min = -20, Max = 20, Source = "Assumption: peer and village-cadre mobilisation effects are strong in rural enrolment",
        UncertainLow = 0.5, UncertainHigh = 1.5, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Peer { get; init; } = 1.0;

    [Param("log-odds", "Effect of having contributed last year (habit and inertia).",
        Min = -20, Max = 20, Source = "Assumption: most contributors renew; lapses are persistent",
        UncertainLow = 1.6, UncertainHigh = 3.2, UncertainWhy = "A logit coefficient assumed, not estimated: a third either way")]
    public double Habit { get; init; } = 2.4;

    [Param("log-odds", "Effect of having already enough years to receive the pension.",
        Min = -20, Max = 20, Source = "Assumption: many stop once vested, since further years add only the account pension",
        UncertainLow = -1.2, UncertainHigh = -0.2, UncertainWhy = "From a small to a large drop once vested")]
    public double Vested { get; init; } = -0.7;

    [Param("log-odds per log point", "Effect of log per-capita income relative to the county's mean (liquidity).",
        Min = -20, Max = 20, Source = "Assumption: poorer households contribute less often",
        UncertainLow = 0.2, UncertainHigh = 0.6, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Income { get; init; } = 0.4;

    [Param("log-odds per working life", "Effect of age, from 0 at the entry age to 1 just before the pension age.",
        Min = -20, Max = 20, Source = "Assumption: members nearer the pension age contribute more often; the young, often migrants, less",
        UncertainLow = 0.6, UncertainHigh = 1.8, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Age { get; init; } = 1.2;

    [Param("log-odds", "Effect of working away from home (migrants often join the employee scheme where they work, or lapse).",
        Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = -1.2, UncertainHigh = -0.4, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Migrant { get; init; } = -0.8;
}

/// <summary>
/// The tier choice: each tier's utility is Precision * (Taste * ln(contribution + subsidy) - Liquidity *
/// contribution / per-capita income), plus a Gumbel shock; the member takes the best tier.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record TierChoiceParameters
{
    [Param("utils per log yuan", "Value of what lands in the account (log: diminishing).",
        Min = 0, Max = 100, Source = "Normalisation: 1")]
    public double Taste { get; init; } = 1.0;

    [Param("utils per unit of income", "Cost of the contribution relative to per-capita income (liquidity).",
        Min = 0, Max = 10000, Source = "Calibrated so that a majority choose the lowest tier (Zhu Ling et al., China Economist; CALIBRATION.md A): the preferred contribution is about income / 160",
        UncertainLow = 120, UncertainHigh = 200, UncertainWhy = "Calibrated to a majority on the lowest tier; a quarter either way")]
    public double Liquidity { get; init; } = 160;

    [Param("scale", "Precision of the choice: higher means less random.",
        Min = 0, Max = 100, Source = "Assumption: choices are noisy (limited information about returns)",
        UncertainLow = 1.5, UncertainHigh = 4.5, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Precision { get; init; } = 3.0;
}
