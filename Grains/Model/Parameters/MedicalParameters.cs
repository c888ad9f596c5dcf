namespace EcosystemSim.Model.Parameters;

/// <summary>
/// Resident basic medical insurance (URRBMI): the premium and the fiscal subsidy, enrolment
/// behaviour, reimbursement, critical illness insurance, medical assistance, the waiting period.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record MedicalParameters : IValidatable
{
    [Param("yuan/person/year", "Individual premium by year.",
        Min = 0, Max = 1e5, Source = "NHSA and NDRC notices: 120 (2015), 180 (2017), 220 (2018), 250 (2019), 280 (2020), 320 (2021), 350 (2022), 380 (2023), 400 (2024), 400 (2025) (CALIBRATION.md B); 150 (2016): MOHRSS and MOF notice on the 2016 urban resident medical insurance (Xinhua, 6 May 2016: at least 150)")]
    public YearSchedule PremiumYuan { get; init; } =
        YearSchedule.Of((2015, 120), (2016, 150), (2017, 180), (2018, 220), (2019, 250), (2020, 280), (2021, 320), (2022, 350), (2023, 380), (2024, 400), (2025, 400));

    [Param("yuan/person/year", "Fiscal subsidy per enrollee by year.",
        Min = 0, Max = 1e5, Source = "NHSA and NDRC notices: 380 (2015), 450 (2017), 490 (2018), 520 (2019), 550 (2020), 580 (2021), 610 (2022), 640 (2023), 670 (2024), 700 (2025) (CALIBRATION.md B); 420 (2016): MOHRSS and MOF notice on the 2016 urban resident medical insurance (Xinhua, 6 May 2016)")]
    public YearSchedule SubsidyYuan { get; init; } =
        YearSchedule.Of((2015, 380), (2016, 420), (2017, 450), (2018, 490), (2019, 520), (2020, 550), (2021, 580), (2022, 610), (2023, 640), (2024, 670), (2025, 700));

    [Param("per year", "Growth of the premium and of the subsidy after their last listed year.",
        Min = -0.5, Max = 0.5, Source = "Assumption: slower than 2015-2025 (premium 12.8%, subsidy 6.3% a year) but enough to follow costs as the population ages",
        UncertainLow = 0.03, UncertainHigh = 0.07, UncertainWhy = "Premium and subsidy growth of 3-7% a year")]
    public double GrowthAfterSchedule { get; init; } = 0.05;

    [Param("share", "Central share of the fiscal subsidy by region (the rest is local).",
        Min = 0, Max = 1, Source = "2022 NHSA/MOF notice: 80% West, 60% Central, varies for the East (CALIBRATION.md B); East 30% and Northeast 60% are assumptions")]
    public RegionValues<double> CentralShareOfSubsidy { get; init; } = new(0.3, 0.6, 0.8, 0.6);

    [Param("share", "Inpatient reimbursement ratio within the catalogue that local funds start from.",
        Min = 0, Max = 1, Source = "NHSA 2023 bulletin: about 68% for residents (tertiary 63%, secondary 72%, primary 81%) (CALIBRATION.md B)")]
    public double ReimbursementRatio { get; init; } = 0.68;

    [Param("share", "Lowest and highest reimbursement ratio a local fund may set when it adjusts to its balance.",
        Min = 0, Max = 1, Source = "Assumption: policy keeps the ratio around 70% (between 50% and 85%)")]
    public double[] ReimbursementRatioRange { get; init; } = [0.5, 0.85];

    [Param("share", "Share of inpatient costs within the reimbursement catalogue.",
        Min = 0, Max = 1, Source = "Assumption: the effective ratio (about 55-58% of total cost) over the policy ratio of 68%",
        UncertainLow = 0.78, UncertainHigh = 0.92, UncertainWhy = "Effective reimbursement of 53-63% of total cost at the policy ratio")]
    public double CatalogueShare { get; init; } = 0.85;

    [Param("yuan", "Deductible per admission (in the cost year; grows with medical costs).",
        Min = 0, Max = 1e5, Source = "Assumption: county hospitals typically 300-800 yuan",
        UncertainLow = 300, UncertainHigh = 800, UncertainWhy = "County hospitals' deductibles of 300-800 yuan")]
    public double DeductibleYuan { get; init; } = 500;

    [Param("multiple of income", "Yearly cap on basic reimbursement per person, as a multiple of the county's per-capita disposable income.",
        Min = 0, Max = 100, Source = "Policy: the cap is at least six times local per-capita disposable income")]
    public double CapIncomeMultiple { get; init; } = 6;

    [Param("share", "Reimbursement of outpatient spending for chronic conditions (special-disease outpatient cover) and for others (general outpatient pooling).",
        Min = 0, Max = 1, Source = "Assumption: special-disease outpatient cover reaches only registered patients and general outpatient pooling has low caps, so the effective shares are low; inpatient reimbursement is most of resident fund spending (NHSA)")]
    public double[] OutpatientRatio { get; init; } = [0.15, 0.05];

    [Param("share of income", "Critical illness insurance threshold: a person's in-catalogue out-of-pocket cost above this share of last year's county per-capita disposable income is covered.",
        Min = 0, Max = 5, Source = "State Council 2015: a threshold of at most 50% of last year's per-capita disposable income (CALIBRATION.md B)")]
    public double CriticalIllnessThreshold { get; init; } = 0.5;

    [Param("share", "Share of the in-catalogue cost above the threshold that critical illness insurance pays.",
        Min = 0, Max = 1, Source = "State Council 2015: at least 50%, commonly 60% (CALIBRATION.md B)")]
    public double CriticalIllnessRatio { get; init; } = 0.6;

    [Param("share", "Share of the remaining in-catalogue cost that medical assistance pays for dibao and extremely poor members.",
        Min = 0, Max = 1, Source = "Guobanfa [2021] No.42: at least 70% of eligible costs (CALIBRATION.md B)")]
    public double AssistanceRatio { get; init; } = 0.7;

    [Param("yuan/person/year", "Yearly cap on medical assistance per person (in the cost year).",
        Min = 0, Max = 1e7, Source = "Assumption: assistance caps are typically tens of thousands of yuan",
        UncertainLow = 15000, UncertainHigh = 50000, UncertainWhy = "Assistance caps of 15,000 to 50,000 yuan")]
    public double AssistanceCapYuan { get; init; } = 30000;

    [Param("share", "Share of the premium that medical assistance pays for members of dibao households; extremely poor households (on dibao with no member aged 16-59) have it paid in full.",
        Min = 0, Max = 1, Source = "Guobanfa [2021] No.42: full premium for the extreme poor, partial for dibao households (CALIBRATION.md B); half is an assumption")]
    public double DibaoPremiumSubsidy { get; init; } = 0.5;

    [Param("year", "First year of the waiting period for late enrolment.",
        Min = 1990, Max = 2200, Source = "Guobanfa [2024] No.38: from 2024 (CALIBRATION.md B)")]
    public int WaitingPeriodFromYear { get; init; } = 2024;

    [Param("months", "Waiting period of a member who enrols after missing a year, and the extra months per consecutive year missed.",
        Min = 0, Max = 12, Source = "Guobanfa [2024] No.38: 3 months plus 1 month per year missed (CALIBRATION.md B)")]
    public double[] WaitingMonths { get; init; } = [3, 1];

    [Param("share", "Fund income beyond premiums and the standard subsidy (local subsidies above the standard, interest), as a share of premiums plus subsidy; paid by local government.",
        Min = 0, Max = 1, Source = "NHSA 2021: resident fund income of about 965 yuan per enrollee against the standard 900 (320 + 580) (recalled)")]
    public double OtherIncomeShare { get; init; } = 0.07;

    [Param("months", "Longest waiting period.", Min = 0, Max = 12, Source = "Rationale: coverage resumes within a year")]
    public double WaitingMonthsMax { get; init; } = 12;

    [Param("years", "Members below this age without a chronic condition count as young and healthy in the metrics (the first to drop out when premiums rise).",
        Min = 0, Max = 120, Source = "Rationale: a reporting definition")]
    public int YoungHealthyAge { get; init; } = 45;

    [Param("years", "Years of fund spending a county aims to hold; the reimbursement ratio moves to restore it. A fund that ends a year in deficit is made whole by the local budget.",
        Min = 0, Max = 10, Source = "Assumption: resident medical funds hold about half a year of spending",
        UncertainLow = 0.3, UncertainHigh = 0.8, UncertainWhy = "Reserves of four to ten months of spending")]
    public double FundReserveYears { get; init; } = 0.5;

    [Param("ratio points per year of spending", "How fast the reimbursement ratio adjusts to the fund's balance (change in ratio per year of spending above or below the reserve).",
        Min = 0, Max = 1, Source = "Assumption: a fund half a year short of its reserve cuts the ratio by about 10 points over a year",
        UncertainLow = 0.1, UncertainHigh = 0.3, UncertainWhy = "Half to one and a half times the assumed speed")]
    public double FundAdjustment { get; init; } = 0.2;

    [Param("share", "Chance that a member was enrolled in the year before the run starts.",
        Min = 0, Max = 1, Source = "About 95% of rural residents were enrolled around 2020 (NHSA: 1.01 billion resident enrollees in 2021); 0.96 is the enrolment rule's own steady state at 2021 prices, so the rate does not drift from its start")]
    public double InitialEnrolment { get; init; } = 0.96;

    [Param("share", "Chance that a member working away from home is insured in the urban employee medical insurance through an employer, in the base year; such a member is covered but not enrolled in the resident insurance (and pays none of its premium).",
        Min = 0, Max = 1, Source = "NBS 2014 migrant worker monitoring report: 17.6% of migrant workers in the employee medical insurance (recalled)")]
    public double EmployeeSchemeShare { get; init; } = 0.176;

    [Param("year", "Base year of the employee-scheme share; before it the share is the base share.",
        Min = 1990, Max = 2200, Source = "The year of the NBS figure above")]
    public int EmployeeSchemeBaseYear { get; init; } = 2014;

    [Param("share per year", "Rise of the employee-scheme share each year after the base year, up to its cap.",
        Min = 0, Max = 1, Source = "Assumption sized to NHSA counts, 2019-2021: resident enrollees fell from about 1,025 M to 1,009 M (-1.6%) while employee enrollees rose from about 329 M to 354 M (recalled), so total coverage did not fall; the share reached stays near the share of migrant workers with a labour contract (about 35-40% in the 2016-2021 NBS reports, recalled)",
        UncertainLow = 0.03, UncertainHigh = 0.06, UncertainWhy = "A third either way: resident-enrolment falls over 2019-2021 of about 0.6% to 1.4%")]
    public double EmployeeSchemeRise { get; init; } = 0.045;

    [Param("share", "Highest employee-scheme share of members working away.",
        Min = 0, Max = 1, Source = "Assumption: about half of migrant workers in formal jobs with an employer that insures them",
        UncertainLow = 0.4, UncertainHigh = 0.7, UncertainWhy = "How far formal employment of migrant workers spreads is unknown")]
    public double EmployeeSchemeCap { get; init; } = 0.6;

    [Param("share", "Inpatient reimbursement ratio within the catalogue of the employee medical insurance, for members insured at work (the rest of the county's rules apply to them).",
        Min = 0, Max = 1, Source = "NHSA 2021 statistical bulletin: employee inpatient policy reimbursement about 84% (recalled)")]
    public double EmployeeReimbursementRatio { get; init; } = 0.84;

    [Section("How members decide whether to enrol each year (a logit).")]
    public EnrolmentParameters Enrolment { get; init; } = new();

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (ReimbursementRatioRange.Length != 2 || ReimbursementRatioRange[0] > ReimbursementRatioRange[1])
            yield return ("reimbursement_ratio_range", "needs [lowest, highest] with lowest <= highest");
        if (OutpatientRatio.Length != 2) yield return ("outpatient_ratio", "needs [chronic, other]");
        if (WaitingMonths.Length != 2) yield return ("waiting_months", "needs [base months, months per year missed]");
    }
}

/// <summary>
/// The enrolment logit: log-odds = intercept + value * (expected reimbursement - premium paid) /
/// per-capita income + the attitude, habit and peer terms. The young and healthy expect little
/// reimbursement, so a higher premium drives them out first.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record EnrolmentParameters
{
    [Param("log-odds", "Intercept.",
        Min = -20, Max = 20, Source = "Calibrated so that about 95% of rural residents are enrolled in 2021 (over 90% required; CALIBRATION.md) and the rate stays near it rather than drifting up (NHSA counts fell 2019-2023: 1,025 M to 963 M resident enrollees, recalled, mostly moves into the employee scheme)",
        UncertainLow = -1.2, UncertainHigh = -0.4, UncertainWhy = "Calibrated to 95% enrolled in 2021; 0.4 either way")]
    public double Intercept { get; init; } = -0.6;

    [Param("log-odds per unit of income", "Effect of the expected net value (expected reimbursement minus premium) relative to per-capita income.",
        Min = 0, Max = 1000, Source = "Assumption: a premium of 5% of income lowers the odds of a young healthy member by about 40%",
        UncertainLow = 5, UncertainHigh = 15, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Value { get; init; } = 10;

    [Param("log-odds per unit", "Effect of awareness (0-1, centred at 0.5).", Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 0.75, UncertainHigh = 2.25, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Awareness { get; init; } = 1.5;

    [Param("log-odds per unit", "Effect of trust in public schemes (0-1, centred at 0.5).", Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 0.75, UncertainHigh = 2.25, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Trust { get; init; } = 1.5;

    [Param("log-odds", "Effect of having been enrolled last year (inertia; enrolment is collected village by village).",
        Min = -20, Max = 20, Source = "Assumption: most renew",
        UncertainLow = 1.5, UncertainHigh = 3.5, UncertainWhy = "A logit coefficient assumed, not estimated: 40% either way")]
    public double Habit { get; init; } = 2.5;

    [Param("log-odds per unit", "Effect of last year's county enrolment rate (0-1, centred at 0.5): mobilisation by village cadres.",
        Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 1, UncertainHigh = 3, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Peer { get; init; } = 2.0;

    [Param("yuan/person/year", "Per-capita income below this counts as this in the value term (the poorest do not value insurance infinitely).",
        Min = 1, Max = 1e6, Source = "Rationale: a numerical floor near the lowest observed rural incomes")]
    public double IncomeFloorYuan { get; init; } = 1000;
}
