namespace EcosystemSim.Model.Parameters;

/// <summary>What a supplementary product insures.</summary>
[GenerateSerializer]
public enum ProductKind
{
    /// <summary>A medical top-up in the style of "Huimin Bao": pays a share of out-of-pocket inpatient costs above a deductible.</summary>
    MedicalTopUp = 0,

    /// <summary>A supplementary pension: yearly contributions into an account at a guaranteed rate, an annuity from the pension age.</summary>
    SupplementaryPension = 1,
}

/// <summary>How a medical product's premium is set.</summary>
[GenerateSerializer]
public enum PricingKind
{
    /// <summary>One premium for everyone (about 78% of Huimin Bao products in 2021-22).</summary>
    Flat = 0,

    /// <summary>A premium per age band.</summary>
    AgeBanded = 1,
}

/// <summary>The supplementary market: insurers, their products, household choice and the government's levers.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record MarketParameters : IValidatable
{
    [Param("list", "The insurers (a few per run).", Source = "Assumption: three insurers, two selling Huimin Bao-style top-ups, one a supplementary pension")]
    public InsurerParameters[] Insurers { get; init; } =
    [
        new() { Id = "insurer_a", InitialPresence = new(0.7, 0.4, 0.3, 0.5) },
        new() { Id = "insurer_b", InitialPresence = new(0.5, 0.3, 0.2, 0.3) },
        new() { Id = "insurer_c", InitialPresence = new(0.3, 0.15, 0.1, 0.15), CapitalPerResidentYuan = 60 },
    ];

    [Param("list", "The products on offer; each belongs to an insurer and is sold in every county where its insurer is present.",
        Source = "Assumption: two Huimin Bao-style top-ups (one paying pre-existing conditions at a lower share, one excluding them) and a supplementary pension")]
    public ProductParameters[] Products { get; init; } =
    [
        new() { Id = "huimin_a", Insurer = "insurer_a", PremiumYuan = 70, DeductibleYuan = 20000, ReimbursementShare = 0.8, PreexistingShare = 0.6 },
        new() { Id = "huimin_b", Insurer = "insurer_b", PremiumYuan = 90, DeductibleYuan = 15000, ReimbursementShare = 0.7, PreexistingShare = 0, PriorClaimsYuan = 40 },
        new() { Id = "pension_c", Insurer = "insurer_c", Kind = ProductKind.SupplementaryPension, LaunchYear = 2018 },
    ];

    [Param("years", "Ages at which the second and third age bands of medical pricing and experience begin.",
        Min = 0, Max = 120, Source = "Rationale: young adults, the middle-aged, the elderly")]
    public int[] AgeBands { get; init; } = [40, 60];

    [Param("share of premium", "Taxes and levies on premiums (not charged on tax-exempt products).",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.02, UncertainHigh = 0.06, UncertainWhy = "Taxes and levies of 2-6% of premiums")]
    public double PremiumTaxRate { get; init; } = 0.03;

    [Param("share", "Share of a medical top-up's premium the local government pays for low-income members.",
        Min = 0, Max = 1, Source = "Lever (the paper, section 4.3: subsidies for supplementary security); none in the baseline")]
    public double LowIncomeSubsidyShare { get; init; }

    [Param("multiple of the dibao standard", "Members of households on dibao or with per-capita income below this multiple of the dibao standard count as low-income.",
        Min = 0, Max = 10, Source = "The 'low-income population' monitored since 2021 includes households up to about 1.5 times the dibao standard")]
    public double LowIncomeLine { get; init; } = 1.5;

    [Param("true/false", "Forbids excluding or limiting pre-existing conditions: every product pays them at its full share.",
        Source = "Lever; off in the baseline")]
    public bool ForbidExclusions { get; init; }

    [Param("share", "Median initial trust in commercial insurers (0-1) by region.",
        Min = 0.01, Max = 0.99, Source = "Assumption: rural trust in commercial insurers is lower than in public schemes (the paper, section 3.3)",
        UncertainLow = 0.8, UncertainHigh = 1.2, UncertainWhy = "A judgement, not a survey figure: each region's median a fifth lower or higher")]
    public RegionValues<double> InitialTrust { get; init; } = new(0.45, 0.4, 0.35, 0.4);

    [Section("How members choose among the supplementary products on offer.")]
    public MarketChoiceParameters Choice { get; init; } = new();

    public IEnumerable<(string Field, string Message)> Validate()
    {
        var insurers = Insurers.Select(i => i.Id).ToList();
        foreach (var duplicate in insurers.GroupBy(i => i).Where(g => g.Count() > 1))
            yield return ("insurers", $"insurer id '{duplicate.Key}' is used twice");
        foreach (var duplicate in Products.Select(p => p.Id).GroupBy(i => i).Where(g => g.Count() > 1))
            yield return ("products", $"product id '{duplicate.Key}' is used twice");
        for (int i = 0; i < Products.Length; i++)
        {
            if (!insurers.Contains(Products[i].Insurer))
            {
                string known = insurers.Count == 0 ? "no insurers are defined" : "known: " + string.Join(", ", insurers);
                yield return ($"products[{i}].insurer", $"unknown insurer '{Products[i].Insurer}' ({known})");
            }
        }
        if (AgeBands.Length != 2 || AgeBands[0] >= AgeBands[1]) yield return ("age_bands", "needs two increasing ages");
        if (Insurers.Length > 64) yield return ("insurers", "at most 64 insurers");
        if (Products.Length > 64) yield return ("products", "at most 64 products");
    }

    /// <summary>The pricing band of an age: 0, 1 or 2.</summary>
    public int Band(int age) => age < AgeBands[0] ? 0 : age < AgeBands[1] ? 1 : 2;

    /// <summary>Number of age bands.</summary>
    public const int Bands = 3;
}

/// <summary>An insurer: capital, solvency rule, loadings, costs, pricing and the counties it serves.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record InsurerParameters : IValidatable
{
    [Param("text", "Identifier; the insurer's metrics appear under region insurer:<id>.", Required = true)]
    public string Id { get; init; } = "insurer";

    [Param("yuan/resident", "Capital at the start, per resident of the counties served at the start.",
        Min = 0, Max = 1e6, Source = "Assumption: enough for several years of losses on a rural book")]
    public double CapitalPerResidentYuan { get; init; } = 20;

    [Param("share of premiums", "Required capital as a share of the year's gross premiums (plus the reserve margin on pension reserves); below it the insurer is insolvent and leaves the market.",
        Min = 0, Max = 10, Source = "Assumption in the spirit of C-ROSS minimum capital for short-term health business")]
    public double SolvencyMargin { get; init; } = 0.25;

    [Param("share of reserves", "Required capital as a share of pension reserves.",
        Min = 0, Max = 1, Source = "Assumption: about 4%, as for savings business")]
    public double ReserveMargin { get; init; } = 0.04;

    [Param("share of premium", "Loading for expenses in the premium.", Min = 0, Max = 0.9, Source = "Assumption")]
    public double ExpenseLoading { get; init; } = 0.12;

    [Param("share of premium", "Loading for profit in the premium.", Min = -0.5, Max = 0.9, Source = "Assumption")]
    public double ProfitLoading { get; init; } = 0.05;

    [Param("yuan/policy/year", "Administration cost per policy.", Min = 0, Max = 1e4, Source = "Assumption: online sales keep it small")]
    public double PolicyCostYuan { get; init; } = 4;

    [Param("yuan/resident/year", "Fixed cost of serving a county, per resident of the county.", Min = 0, Max = 1e4, Source = "Assumption")]
    public double CountyCostPerResidentYuan { get; init; } = 0.3;

    [Param("yuan/resident/year", "Marketing per resident of the counties served; adds to awareness like publicity.",
        Min = 0, Max = 1e4, Source = "Assumption")]
    public double MarketingPerResidentYuan { get; init; } = 1;

    [Param("simulated policy-years", "Bühlmann credibility constant: experience gets weight n / (n + K) against the prior (for prices) or against the insurer's whole book (for a county's loss ratio), n the simulated policy-years observed. Counting simulated policies makes credibility follow the statistical reliability of the simulated claims.",
        Min = 0, Max = 1e12, Source = "Assumption: a few thousand simulated policy-years make experience mostly credible")]
    public double CredibilityPolicyYears { get; init; } = 2000;

    [Param("years", "Years of claims experience used in pricing.", Min = 1, Max = 20, Source = "Assumption")]
    public int ExperienceYears { get; init; } = 2;

    [Param("per year", "Return on invested assets (capital and reserves).", Min = -0.5, Max = 0.5, Source = "Assumption: Chinese insurers' investment yields of 3-5%")]
    public double InvestmentReturn { get; init; } = 0.035;

    [Param("share", "Largest yearly change in a product's premium, up or down.", Min = 0, Max = 1,
        Source = "Assumption: regulators and the market limit repricing; large enough for a spiral to show. Range: a cut of more than the whole premium would make it negative")]
    public double MaxPriceChange { get; init; } = 0.5;

    [Param("share of counties", "Counties served at the start, by region (the largest counties first).",
        Min = 0, Max = 1, Source = "Assumption: Huimin Bao reached 27 provinces by 2021, rural counties less (CALIBRATION.md A)")]
    public RegionValues<double> InitialPresence { get; init; } = new(0.5, 0.3, 0.2, 0.3);

    [Param("ratio", "Capital over required capital the parent company restores with an injection at the year's end, while the insurer expects to be profitable at next year's prices.",
        Min = 0, Max = 100, Source = "Assumption: groups recapitalise viable subsidiaries; 0 switches injections off")]
    public double TargetSolvencyRatio { get; init; } = 2.0;

    [Param("ratio", "Capital over required capital an insurer needs before it enters new counties.", Min = 0, Max = 100, Source = "Assumption")]
    public double EntrySolvencyRatio { get; init; } = 1.5;

    [Param("counties/year", "Most counties entered in a year.", Min = 0, Max = 1000, Source = "Assumption")]
    public int MaxEntriesPerYear { get; init; } = 2;

    [Param("ratio", "An unserved county is entered when the expected loss ratio there at the current price is below this.",
        Min = 0, Max = 5, Source = "Assumption: enough margin for expenses and profit")]
    public double EntryLossRatio { get; init; } = 0.8;

    [Param("ratio", "A county is left after its loss ratio exceeds this for the number of years below.",
        Min = 0, Max = 10, Source = "Assumption")]
    public double ExitLossRatio { get; init; } = 1.2;

    [Param("years", "Consecutive loss-making years before a county is left.", Min = 1, Max = 20, Source = "Assumption")]
    public int ExitAfterYears { get; init; } = 2;

    [Param("true/false", "Whether the insurer leaves counties where it keeps losing money (exit_loss_ratio for exit_after_years). false keeps it in every county it serves for as long as it is solvent, answering losses by repricing alone; it still leaves the market if it fails.",
        Source = "Lever: separates the members' lapse from the insurer's retreat, so a teaching scenario (premium-spiral) shows adverse selection alone")]
    public bool LeavesLosingCounties { get; init; } = true;

    [Param("years", "Years of the whole book's medical loss experience that a county's exit decision falls back on (weighted against the county's own year by credibility).",
        Min = 1, Max = 20, Source = "Rationale: one year's claims on a small rural book swing with a few large cases; three years is the usual window of an experience review")]
    public int ExitExperienceYears { get; init; } = 3;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Id.Length == 0 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            yield return ("id", $"'{Id}' must be letters, digits, '_' or '-'");
        if (ExpenseLoading + ProfitLoading >= 0.95) yield return ("profit_loading", "loadings leave nothing for claims");
    }
}

/// <summary>A supplementary product: its kind, terms and the government's levers on it.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProductParameters : IValidatable
{
    [Param("text", "Identifier; the product's metrics appear under region product:<id>.", Required = true)]
    public string Id { get; init; } = "product";

    [Param("text", "Id of the insurer selling it.", Required = true)]
    public string Insurer { get; init; } = "insurer";

    [Param("choice", "medical_top_up or supplementary_pension.")]
    public ProductKind Kind { get; init; } = ProductKind.MedicalTopUp;

    [Param("year", "First year the product is sold.", Min = 1990, Max = 2200, Source = "Huimin Bao products spread from 2020 (CALIBRATION.md A)")]
    public int LaunchYear { get; init; } = 2020;

    [Param("year", "Year from which it is no longer sold (0: never withdrawn).", Min = 0, Max = 2200, Source = "Lever")]
    public int WithdrawYear { get; init; }

    [Param("choice", "Medical top-up: flat (one premium) or age_banded (a premium per age band).", Source = "About 78% of Huimin Bao products were flat-rate in 2021-22 (CALIBRATION.md A)")]
    public PricingKind Pricing { get; init; } = PricingKind.Flat;

    [Param("yuan/year", "Medical top-up: premium at launch (for the middle age band when age-banded). After launch the insurer sets its prices from its experience, so a later change has no effect on a product already on sale: cap its prices with premium_cap_yuan.",
        Min = 0, Max = 1e6, Source = "Mean Huimin Bao premium about 77 yuan in 2021-22 (CALIBRATION.md A)")]
    public double PremiumYuan { get; init; } = 77;

    [Param("yuan/year", "Medical top-up: price ceiling, the most the insurer may charge a member in any age band, from the year it is set (0: no ceiling). The insurer still reprices below it, and leaves counties where it loses money.",
        Min = 0, Max = 1e6, Source = "Lever: local governments approve the prices of the government-guided city products they endorse (CALIBRATION.md A)")]
    public double PremiumCapYuan { get; init; }

    [Param("ratio", "Medical top-up: relative cost of the three age bands, for age-banded premiums and the insurer's prior.",
        Min = 0, Max = 100, Source = "Assumption: admission risk rises with age")]
    public double[] AgeRelativities { get; init; } = [0.5, 1.0, 2.5];

    [Param("yuan/policy/year", "Medical top-up: claims per policy the insurer expects before it has experience (its prior).",
        Min = 0, Max = 1e6, Source = "Assumption: what a broad rural pool claims under a 20,000-yuan deductible in this model's cost distribution, about 30 yuan in 2021; launch prices above it fall as experience accrues")]
    public double PriorClaimsYuan { get; init; } = 30;

    [Param("yuan/year", "Medical top-up: deductible on a member's yearly out-of-pocket inpatient cost.",
        Min = 0, Max = 1e7, Source = "About 20,000 yuan for Huimin Bao (MODEL.md)")]
    public double DeductibleYuan { get; init; } = 20000;

    [Param("true/false", "Medical top-up: the deductible grows with medical costs from the launch year (products restate their terms each year); otherwise it stays fixed in yuan and claims grow faster than costs.",
        Source = "Assumption: annual products are relaunched with updated terms")]
    public bool DeductibleIndexed { get; init; } = true;

    [Param("share", "Medical top-up: share of out-of-pocket cost above the deductible it pays.",
        Min = 0, Max = 1, Source = "Assumption: 70-80% is common")]
    public double ReimbursementShare { get; init; } = 0.8;

    [Param("share", "Medical top-up: share paid for members with a pre-existing (chronic) condition; 0 excludes them.",
        Min = 0, Max = 1, Source = "Assumption: many products pay pre-existing conditions at a lower share or exclude them")]
    public double PreexistingShare { get; init; } = 0.4;

    [Param("yuan/year", "Medical top-up: most it pays a member in a year.", Min = 0, Max = 1e9, Source = "Assumption: caps of about a million yuan")]
    public double CapYuan { get; init; } = 1_000_000;

    [Param("yuan/year", "Supplementary pension: yearly contribution.", Min = 0, Max = 1e6, Source = "Assumption")]
    public double ContributionYuan { get; init; } = 1000;

    [Param("per year", "Supplementary pension: guaranteed rate credited to the account.", Min = -0.1, Max = 0.3,
        Source = "Assumption: guaranteed rates of 2-3% on Chinese annuity products")]
    public double GuaranteedRate { get; init; } = 0.025;

    [Param("months", "Supplementary pension: the monthly annuity from the pension age is the account over this.", Min = 1, Max = 1000,
        Source = "Assumption: the same divisor as the basic pension's account (139)")]
    public int AnnuityDivisor { get; init; } = 139;

    [Param("true/false", "Government-guided: the government endorses and promotes the product.",
        Source = "Lever: take-up is about 45 points higher when the government drives the scheme (NIFD 2022; CALIBRATION.md A)")]
    public bool Endorsed { get; init; }

    [Param("true/false", "Exempt from premium taxes (a tax incentive).", Source = "Lever")]
    public bool TaxExempt { get; init; }

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Id.Length == 0 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            yield return ("id", $"'{Id}' must be letters, digits, '_' or '-'");
        if (AgeRelativities.Length != MarketParameters.Bands) yield return ("age_relativities", "needs one ratio per age band (3)");
        if (WithdrawYear != 0 && WithdrawYear <= LaunchYear) yield return ("withdraw_year", $"{WithdrawYear} is not after launch_year {LaunchYear}");
    }

    /// <summary>The deductible in force in a year.</summary>
    public double DeductibleIn(int year, double costGrowth) =>
        DeductibleIndexed ? DeductibleYuan * Math.Pow(1 + costGrowth, year - LaunchYear) : DeductibleYuan;

    /// <summary>Prices per age band under the ceiling (<see cref="PremiumCapYuan"/>), if any.</summary>
    public long[] Capped(long[] pricesFen)
    {
        if (PremiumCapYuan <= 0 || Kind != ProductKind.MedicalTopUp) return pricesFen;
        long cap = Money.FromYuan(PremiumCapYuan);
        return pricesFen.Select(p => Math.Min(p, cap)).ToArray();
    }

    /// <summary>Whether the product is sold in a year.</summary>
    public bool OnSale(int year) => year >= LaunchYear && (WithdrawYear == 0 || year < WithdrawYear);
}

/// <summary>
/// Household choice among supplementary products: a multinomial logit with buying nothing as the
/// base. A medical top-up's value is its expected payout to the member (who knows their own health:
/// adverse selection) loaded by the household's risk aversion, less the premium, relative to the
/// county's mean income; below the mean the premium weighs more (liquidity constraints), and log
/// income adds to the odds, so that uptake rises with income as surveys find.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record MarketChoiceParameters
{
    [Param("log-odds", "Medical top-up: intercept of buying a product.", Min = -50, Max = 50,
        Source = "Calibrated so that rural uptake is about 5% in 2021 (national Huimin Bao scale about 10% of the population, rural lower; CALIBRATION.md A; of 86 products that published it by the end of 2022, 51 had take-up below 15%: Wang, Zhang & Ying, Chinese Journal of Health Policy 2023, 16(11):8-15)",
        UncertainLow = -3.1, UncertainHigh = -2.1, UncertainWhy = "Calibrated to rural uptake near 5%; half a point of log-odds either way")]
    public double MedicalIntercept { get; init; } = -2.6;

    [Param("log-odds per unit of income", "Medical top-up: effect of the net value (risk-loaded expected payout less the price, the price weighted for liquidity below) relative to the county's mean per-capita market income.",
        Min = 0, Max = 1e4,
        Source = "Calibrated so that members with a chronic condition take up the top-ups at about 1.2 times the rate of the healthy in 2021 (the required target is at least 1.1: Huimin Bao accepts pre-existing conditions, so the sick buy more; issue 4) while the teaching scenarios' lessons hold at every seed. Surveys of underwritten commercial health insurance find the opposite, advantageous selection (CHARLS 2015: Jiang & Ni, Health Economics Review 2019, doi 10.1186/s13561-019-0252-8)",
        UncertainLow = 120, UncertainHigh = 300, UncertainWhy = "A logit coefficient calibrated to an assumed selection gap, not estimated: about half to one and a half times")]
    public double Value { get; init; } = 200;

    [Param("exponent", "Medical top-up: below the county's mean per-capita market income the price (after any subsidy) weighs (mean over the member's per-capita income in hand, which counts market income, pensions and dibao) to this power times its yuan: the same premium deters the poor more (liquidity constraints), so uptake rises with income. Equivalently, below the mean the willingness to pay for the same cover falls with income at this elasticity. 0: a yuan weighs the same for all.",
        Min = 0, Max = 5,
        Source = "Willingness to pay for health insurance rises with income at an elasticity of 0.43-0.50 (log income in log WTP, informal workers in Wuhan: Baernighausen, Liu, Zhang & Sauerborn, BMC Health Services Research 2007, 7:114, table 5); holders of commercial health insurance are richer (CHFS 2017, household income a significant determinant, 5.06% hold it: Wan, Peng, Shi & Coyte, IJERPH 2020, doi 10.3390/ijerph17155348; CHARLS 2015, holders' mean income 20,695 yuan against 6,165: Jiang & Ni 2019, table 1). No uptake of Huimin Bao by income quintile was found published",
        UncertainLow = 0.3, UncertainHigh = 0.7, UncertainWhy = "An elasticity measured for social health insurance in one city, borrowed for rural top-ups")]
    public double Liquidity { get; init; } = 0.5;

    [Param("log-odds per log point", "Medical top-up: effect of log per-capita income in hand relative to the county's mean market income, at every income (financial literacy, and access to the online channels top-ups are sold through, rise with income).",
        Min = -20, Max = 20,
        Source = "Assumption, in the direction of the survey evidence: education and investment activity, which rise with income, go with holding commercial medical insurance in CGSS 2015, 2018 and 2021 (Xue et al., PLOS ONE 2024, doi 10.1371/journal.pone.0303997); with the liquidity weight it makes the richest fifth's uptake about 2.7 times the poorest's in 2021",
        UncertainLow = 0, UncertainHigh = 0.3, UncertainWhy = "No published gradient of Huimin Bao uptake by income: from none beyond liquidity to twice the assumed slope")]
    public double MedicalIncome { get; init; } = 0.15;

    [Param("factor", "Median risk aversion: a household values insurance at (1 + this) times its expected payout.",
        Min = 0, Max = 20, Source = "Assumption",
        UncertainLow = 0.5, UncertainHigh = 2, UncertainWhy = "Insurance valued at 1.5 to 3 times its expected payout")]
    public double RiskAversion { get; init; } = 1.0;

    [Param("log sd", "Spread of risk aversion between households.", Min = 0, Max = 3, Source = "Assumption",
        UncertainLow = 0.25, UncertainHigh = 0.75, UncertainWhy = "Half to one and a half times the assumed spread")]
    public double RiskAversionSpread { get; init; } = 0.5;

    [Param("log-odds per unit", "Effect of trust in commercial insurers (0-1, centred at 0.5).", Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 1, UncertainHigh = 3, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Trust { get; init; } = 2.0;

    [Param("log-odds per unit", "Effect of awareness (0-1, centred at 0.5).", Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 0.75, UncertainHigh = 2.25, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Awareness { get; init; } = 1.5;

    [Param("log-odds", "Effect of government endorsement.", Min = -20, Max = 20,
        Source = "Calibrated to take-up about 45 points higher when the government drives the scheme than when the insurance bureau runs it (NIFD 2022, as cited in CALIBRATION.md A; the report itself was not found to check): from the 5-10% take-up of the model's rural counties, 45 points is 2.4 to 2.9 log-odds. Government support is a necessary condition of high take-up across 50 city products of 2022 (fuzzy-set QCA: Wang, Zhang & Ying, Chinese Journal of Health Policy 2023, 16(11):8-15), and respondents strongly prefer government involvement (discrete choice experiment, 947 respondents: Chen et al., Frontiers in Public Health 2022, doi 10.3389/fpubh.2022.985582)",
        UncertainLow = 1.5, UncertainHigh = 3.0, UncertainWhy = "The 45-point gap is observational: 1.5 if much of it is the publicity, prices and payment channels of government-driven schemes, which the model represents apart; 3.0 if all of it is endorsement, from a 5% base")]
    public double Endorsement { get; init; } = 2.6;

    [Param("log-odds", "Effect of having held the same product last year (renewal).", Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 0.75, UncertainHigh = 2.25, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double Habit { get; init; } = 1.5;

    [Param("log-odds", "Supplementary pension: intercept of starting to contribute.", Min = -50, Max = 50,
        Source = "Assumption: commercial pensions are rare in rural China",
        UncertainLow = -6, UncertainHigh = -4, UncertainWhy = "Commercial pensions rare: one log-odds point either way")]
    public double PensionIntercept { get; init; } = -5.0;

    [Param("log-odds per point", "Supplementary pension: effect of the guaranteed rate above the reference rate below, per percentage point.", Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 0.25, UncertainHigh = 0.75, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double PensionReturn { get; init; } = 0.5;

    [Param("per year", "Reference rate members compare a guaranteed rate with (bank deposits).", Min = -0.1, Max = 0.3, Source = "Assumption: one-year deposit rates near 1.5-2%",
        UncertainLow = 0.015, UncertainHigh = 0.03, UncertainWhy = "One-year deposit rates of 1.5-3%")]
    public double ReferenceRate { get; init; } = 0.02;

    [Param("log-odds per log point", "Supplementary pension: effect of log per-capita income relative to the county mean.", Min = -20, Max = 20, Source = "Assumption",
        UncertainLow = 0.5, UncertainHigh = 1.5, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double PensionIncome { get; init; } = 1.0;

    [Param("log-odds per unit of income", "Supplementary pension: cost of the yearly contribution relative to per-capita income.", Min = 0, Max = 1e4, Source = "Assumption",
        UncertainLow = 5, UncertainHigh = 15, UncertainWhy = "A logit coefficient assumed, not estimated: half to one and a half times")]
    public double PensionLiquidity { get; init; } = 10;

    [Param("per year", "Supplementary pension: chance that a contributor keeps contributing next year.", Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.8, UncertainHigh = 0.95, UncertainWhy = "5-20% of contributors stop each year")]
    public double PensionPersistence { get; init; } = 0.9;

    [Param("share of the gap", "Gain in trust in insurers in a year a member's claim is paid.", Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.05, UncertainHigh = 0.2, UncertainWhy = "Half to twice the assumed gain")]
    public double ClaimTrustGain { get; init; } = 0.1;

    [Param("share", "Share of trust in insurers lost in a year a claim is denied (excluded pre-existing condition).", Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.1, UncertainHigh = 0.3, UncertainWhy = "Half to one and a half times the assumed loss")]
    public double DeniedTrustLoss { get; init; } = 0.2;

    [Param("share", "Share of trust in insurers lost in a year an insurer leaves the county.", Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.08, UncertainHigh = 0.25, UncertainWhy = "About half to one and a half times the assumed loss")]
    public double ExitTrustLoss { get; init; } = 0.15;

    [Param("share of the gap", "Yearly pull of trust in insurers back towards the region's initial median.", Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.02, UncertainHigh = 0.1, UncertainWhy = "Memory half-lives of about 7 to 35 years")]
    public double TrustReversion { get; init; } = 0.05;
}
