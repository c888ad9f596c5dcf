namespace EcosystemSim.Model.Parameters;

/// <summary>
/// Local governments: their fiscal capacity, equalisation transfers, publicity, fund supervision
/// (misappropriation and its detection) and what they do when money is short.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record LocalGovernmentParameters
{
    [Param("share of income", "Revenue a county can put into social security, as a share of its residents' market income, by region.",
        Min = 0, Max = 1, Source = "Calibrated so that counties roughly balance their social security budgets in 2021; the East's richer tax base and larger top-ups give it a higher share",
        UncertainLow = 0.9, UncertainHigh = 1.1, UncertainWhy = "Calibrated so counties roughly balance in 2021; a tenth either way")]
    public RegionValues<double> FiscalCapacity { get; init; } = new(0.066, 0.030, 0.026, 0.032);

    [Param("yuan/person/year", "Central equalisation transfer to a county's social security budget in the base year, by region; grows with the region's income.",
        Min = 0, Max = 1e5, Source = "Assumption: general transfers favour the West and Central regions",
        UncertainLow = 0.5, UncertainHigh = 1.5, UncertainWhy = "General transfers to social security are not published by county: half to one and a half times")]
    public RegionValues<double> EqualisationPerCapitaYuan { get; init; } = new(0, 40, 60, 40);

    [Param("share", "Share of a county's debt at the close of a year that higher levels' budgets (provincial and central) cover where the province's pool of handed-up surpluses does not; the cover arrives at the start of the next year, before the county sets its benefits, and counts as an equalisation transfer. The rest is carried into the next year's claim.",
        Min = 0, Max = 1, Source = "Assumption after the county basic financial guarantee mechanism (Ministry of Finance, 2010, recalled): provinces are to close the gap between a county's basic spending needs, social security among them, and its means, with central rewards and subsidies, so most of a gap is covered; transfers from above finance most county spending (58% of county and township spending in 2003: World Bank, Local Governance in Developing Countries, 2006, China chapter; about 80% of county general budget spending in 2018-2019: a hand-collected sample of county final accounts, Journal of the Central University of Finance and Economics 2024, no. 8). At 0.9 a county short by the same amount every year carries a ninth of it after the cover, so only a gap over about two years of its discretionary benefits makes it cut. 0 is pure local financing, 1 full cover",
        UncertainLow = 0.75, UncertainHigh = 1, UncertainWhy = "Between three quarters and all of a county's debt covered from above each year")]
    public double DeficitCoverShare { get; init; } = 0.9;

    [Param("years of local spending", "Most a county's social security budget keeps in reserve, in years of its local social security spending; at the close of a year what is above it leaves the budget (a share handed up to the province's pool, the rest to the county's other spending).",
        Min = 0, Max = 10, Source = "Assumption after the Budget Law (2014 revision, articles 41 and 66, recalled): a year's surplus goes to the budget stabilisation fund, which makes up later years' shortfalls, and the State Council's 2014 budget reform (Guofa [2014] 45, recalled) has balances left unspent two years taken back and used elsewhere, so earmarked balances stay small. Half a year is also the reserve the resident medical fund aims at",
        UncertainLow = 0.25, UncertainHigh = 1, UncertainWhy = "A quarter of a year to a year of local social security spending")]
    public double ReserveCapYears { get; init; } = 0.5;

    [Param("share", "Share of a county's reserve above the cap that it hands up to its province's equalisation pool, which pays the shortfalls of the province's counties the next year; the rest goes to the county's other spending.",
        Min = 0, Max = 1, Source = "Assumption: most of a county's social security money comes from above (transfers finance 58-80% of county spending, see deficit_cover_share; county own revenue covered 38% of county spending in 2024 on average, Southwestern University of Finance and Economics, Report on the Fiscal Conditions of Provinces, Cities and Counties, reported by Yicai, 16 December 2025), and special transfers left unspent are taken back by the level that granted them (Ministry of Finance rules on special transfers, 2015, recalled), so about half of a surplus goes back up; 0 is no pooling between counties",
        UncertainLow = 0.25, UncertainHigh = 0.75, UncertainWhy = "A quarter to three quarters of a surplus handed up")]
    public double SurplusHandUpShare { get; init; } = 0.5;

    [Param("years of revenue", "Reserve a county starts with, in years of its social security revenue.",
        Min = 0, Max = 10, Source = "Assumption",
        UncertainLow = 0.1, UncertainHigh = 0.4, UncertainWhy = "One to five months of revenue")]
    public double InitialReserveYears { get; init; } = 0.2;

    [Param("ratio", "Disposable over market income assumed for the year before the run (it sets the first year's dibao standard, critical illness threshold and reimbursement cap).",
        Min = 0.5, Max = 2, Source = "The baseline's own ratio in 2021 (public transfers less contributions and premiums add about 7%)")]
    public double InitialDisposableToMarket { get; init; } = 1.07;

    [Param("years of discretionary spending", "Debt a county carries (after its province's cover) before it cuts benefits, in years of its discretionary benefits (top-ups and subsidies).",
        Min = 0, Max = 10, Source = "Assumption: counties borrow or defer payments to suppliers before they cut benefits",
        UncertainLow = 0.1, UncertainHigh = 0.5, UncertainWhy = "One to six months of discretionary spending")]
    public double DebtTolerance { get; init; } = 0.25;

    [Param("share", "Lowest payment ratio a county falls to when short: it pays at least this share of its discretionary benefits (top-ups, subsidies above the legal floors).",
        Min = 0.05, Max = 1, Source = "Assumption: counties delay or cut local benefits rather than stop them (the paper, section 3.1: local subsidies have a 'great randomness')",
        UncertainLow = 0.3, UncertainHigh = 0.7, UncertainWhy = "Counties pay 30-70% of discretionary benefits when short")]
    public double MinimumPaymentRatio { get; init; } = 0.5;

    [Param("yuan/person/year", "Publicity and education spending per resident, by region (base year; grows with income).",
        Min = 0, Max = 1e4, Source = "Assumption: a few yuan a head",
        UncertainLow = 0.5, UncertainHigh = 1.5, UncertainWhy = "Publicity budgets are not published: half to one and a half times")]
    public RegionValues<double> PublicityPerCapitaYuan { get; init; } = new(6, 4, 3, 4);

    [Param("yuan/person/year", "Cost of administering the schemes per resident (base year; grows with income). An information platform raises it.",
        Min = 0, Max = 1e4, Source = "Assumption: a few yuan a head for township and village staff and systems",
        UncertainLow = 1, UncertainHigh = 4, UncertainWhy = "One to four yuan a head")]
    public double AdministrationPerCapitaYuan { get; init; } = 2;

    [Param("share", "Share of local social security funds diverted each year where supervision is weak: of the medical fund's income (taken from the fund) and of pension subsidies and top-ups (taken from the local budget).",
        Min = 0, Max = 1, Source = "Assumption: the paper (section 3.2) reports misappropriation under weak supervision; a 1% leak is modest",
        UncertainLow = 0.003, UncertainHigh = 0.03, UncertainWhy = "Diversion of 0.3-3% of funds where supervision is weak")]
    public double MisappropriationShare { get; init; } = 0.01;

    [Param("per year", "Chance that a county's misappropriation is detected in a year (a scandal).",
        Min = 0, Max = 1, Source = "Assumption: weak supervision detects about one diversion in ten each year",
        UncertainLow = 0.05, UncertainHigh = 0.2, UncertainWhy = "One diversion in five to one in twenty found each year")]
    public double DetectionProbability { get; init; } = 0.1;

    [Param("share of a year's flows", "A detected diversion of this share of the county's yearly fund flows makes a full scandal; smaller ones make proportionally milder scandals.",
        Min = 1e-6, Max = 1, Source = "Assumption: a full scandal is a diversion of a twentieth of a year's flows, about what five years of skimming at the baseline rate add up to (at the baseline detection probability a diversion goes unseen for ten years on average); a year's small diversion caught by routine audit weighs proportionally less",
        UncertainLow = 0.02, UncertainHigh = 0.1, UncertainWhy = "A full scandal from a fiftieth to a tenth of a year's flows")]
    public double ScandalReferenceShare { get; init; } = 0.05;

    [Param("share", "Share of the undetected diverted funds recovered (into the local budget) when a scandal breaks.",
        Min = 0, Max = 1, Source = "Assumption",
        UncertainLow = 0.25, UncertainHigh = 0.75, UncertainWhy = "A quarter to three quarters recovered")]
    public double RecoveryShare { get; init; } = 0.5;
}
