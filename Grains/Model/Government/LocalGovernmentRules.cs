using EcosystemSim.Model.Households;
using EcosystemSim.Model.Income;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Pension;
using EcosystemSim.Model.Random;
using EcosystemSim.Model.World;

namespace EcosystemSim.Model.Government;

/// <summary>
/// A local government's year. At the start it sets local policy from its state and its province's
/// cover of last year's debt: the pension top-up and subsidies (cut when it is still too deep in
/// debt), the dibao standard and the medical thresholds from last year's local income, the
/// reimbursement ratio its fund can afford. At the end it settles the county's accounts from its
/// households' records: the pension, the medical fund, dibao, assistance, publicity; its revenue and
/// reserve, within the cap (<see cref="ProvincialRules"/>); misappropriation and its detection.
/// </summary>
public static class LocalGovernmentRules
{
    /// <summary>The county's state before the first year, once its households exist.</summary>
    public static CountyState InitialState(ModelParameters p, CountySpec county, int startYear, long persons)
    {
        double market = IncomeRules.MeanMarketPerCapitaYuan(p, county.Region, startYear - 1) * county.IncomeFactor;
        double medicalInflow = (p.Medical.PremiumYuan.ValueAt(startYear - 1, p.Medical.GrowthAfterSchedule) +
                                p.Medical.SubsidyYuan.ValueAt(startYear - 1, p.Medical.GrowthAfterSchedule)) * p.Medical.InitialEnrolment;
        return new CountyState
        {
            IncomeFactor = county.IncomeFactor,
            Peers = new CountyPeers(p.Pension.HistoryParticipation, p.Medical.InitialEnrolment),
            ReimbursementRatio = p.Medical.ReimbursementRatio,
            MedicalFundFen = Money.FromYuan(p.Medical.FundReserveYears * medicalInflow * persons),
            ReserveFen = Money.FromYuan(p.LocalGovernment.InitialReserveYears * p.LocalGovernment.FiscalCapacity[county.Region] * market * persons),
            LastDisposablePerCapitaYuan = market * p.LocalGovernment.InitialDisposableToMarket,
            LastDiscretionaryFen = 0,
            UndetectedDivertedFen = 0,
            ScandalPending = 0,
        };
    }

    /// <summary>A scandal's severity: the detected diversion over the reference share of the year's fund flows, at most 1.</summary>
    public static double ScandalSeverity(LocalGovernmentParameters p, long detectedFen, long flowsFen) =>
        flowsFen <= 0 ? 1 : Math.Min(1, detectedFen / (p.ScandalReferenceShare * flowsFen));

    /// <summary>National income index: the regions' indices weighted by their population shares.</summary>
    public static double NationalIncomeIndex(ModelParameters p, int year)
    {
        var shares = p.Population.RegionShares;
        return Regions.All.Sum(r => shares[r] * p.Income.Index(r, year)) / shares.Values.Sum();
    }

    /// <summary>
    /// Share of discretionary benefits a county pays: 1 while its debt is within the tolerance, less by
    /// the debt beyond it (as a share of last year's discretionary benefits), never below the floor.
    /// </summary>
    public static double PaymentRatio(LocalGovernmentParameters p, long reserveFen, long lastDiscretionaryFen)
    {
        if (lastDiscretionaryFen <= 0) return 1;
        double excessDebt = -reserveFen / (double)lastDiscretionaryFen - p.DebtTolerance;
        return excessDebt <= 0 ? 1 : Math.Clamp(1 - excessDebt, p.MinimumPaymentRatio, 1);
    }

    /// <summary>The context every household of the county sees this year.</summary>
    public static YearContext OpenYear(ulong seed, CountySpec county, CountyState state, NationalPolicy national)
    {
        var p = national.Parameters;
        int year = national.Year;
        var region = county.Region;
        var pension = p.Pension;
        double index = p.Income.Index(region, year);
        // The province's cover of last year's shortfall arrives before the county sets its benefits.
        var cover = ProvincialRules.CoverOf(national, region, ProvincialRules.ShortfallFen(state.ReserveFen));
        double paymentRatio = PaymentRatio(p.LocalGovernment, state.ReserveFen + cover.TotalFen, state.LastDiscretionaryFen);
        var (topUp, floorRaiseShare) = TopUpMonthlyYuan(p, county, state, year, index);
        var (subsidies, floors) = SubsidiesByTierFen(pension, region, paymentRatio);
        double lastDisposable = state.LastDisposablePerCapitaYuan;
        var medical = p.Medical;
        var local = new LocalPolicy
        {
            CountyId = county.Id,
            TopUpMonthlyFen = Money.FromYuan(topUp * paymentRatio),
            SubsidyByTierFen = subsidies,
            SubsidyFloorByTierFen = floors,
            SchemeStartYear = county.SchemeStartYear,
            EarningUnitYuan = IncomeRules.EarningUnitYuan(p, region, year) * state.IncomeFactor,
            MeanMarketPerCapitaYuan = IncomeRules.MeanMarketPerCapitaYuan(p, region, year) * state.IncomeFactor,
            RemittanceYuan = IncomeRules.RemittanceYuan(p, region, year),
            LastDisposablePerCapitaYuan = lastDisposable,
            ReimbursementRatio = state.ReimbursementRatio,
            DeductibleFen = Money.FromYuan(medical.DeductibleYuan * national.MedicalCostIndex),
            ReimbursementCapFen = Money.FromYuan(medical.CapIncomeMultiple * lastDisposable),
            CriticalIllnessThresholdFen = Money.FromYuan(medical.CriticalIllnessThreshold * lastDisposable),
            AssistanceCapFen = Money.FromYuan(medical.AssistanceCapYuan * national.MedicalCostIndex),
            DibaoStandardFen = Money.FromYuan(p.Dibao.StandardRatio * p.Dibao.ConsumptionShare * lastDisposable),
            TargetingError = p.Dibao.TargetingError[region],
            PublicityPerCapitaYuan = p.LocalGovernment.PublicityPerCapitaYuan[region] * index,
            Scandal = state.ScandalPending,
            PaymentRatio = paymentRatio,
            TopUpFloorRaiseShare = floorRaiseShare,
        };
        return new YearContext(year, seed, national, WithMarket(local, county, state, national), state.Peers);
    }

    /// <summary>
    /// The monthly top-up before any cut, and the share of it that is the raise up to the national floor.
    /// Top-ups follow the county's own income: the region's growth and the county's drift since the start.
    /// Standardised, every county pays its regional rate grown with national income. A national floor
    /// (grown with national income the same way) lifts the counties below it and leaves the others alone.
    /// </summary>
    private static (double TopUp, double FloorRaiseShare) TopUpMonthlyYuan(ModelParameters p, CountySpec county, CountyState state, int year, double index)
    {
        var pension = p.Pension;
        var region = county.Region;
        double countyIndex = index * state.IncomeFactor / county.IncomeFactor;
        double own = pension.StandardisedTopUp
            ? pension.TopUpMonthlyYuan[region] * Math.Pow(NationalIncomeIndex(p, year), pension.TopUpIncomeElasticity)
            : pension.TopUpMonthlyYuan[region] * county.TopUpFactor * Math.Pow(countyIndex, pension.TopUpIncomeElasticity);
        if (pension.TopUpFloorMonthlyYuan <= 0) return (own, 0);
        double floor = pension.TopUpFloorMonthlyYuan * Math.Pow(NationalIncomeIndex(p, year), pension.TopUpIncomeElasticity);
        return floor > own ? (floor, (floor - own) / floor) : (own, 0);
    }

    /// <summary>Each tier's contribution subsidy: the legal floor in full, the discretionary part above it at the payment ratio.</summary>
    private static (long[] Subsidies, long[] Floors) SubsidiesByTierFen(PensionParameters pension, Region region, double paymentRatio)
    {
        var subsidies = new long[pension.TiersYuan.Length];
        var floors = new long[pension.TiersYuan.Length];
        for (int k = 0; k < subsidies.Length; k++)
        {
            long full = PensionRules.SubsidyFen(pension.TiersYuan[k], pension.SubsidyByTierYuan[k], pension.SubsidyMultiplier[region], pension);
            floors[k] = PensionRules.SubsidyFen(pension.TiersYuan[k], 0, 0, pension);
            subsidies[k] = floors[k] + Money.Scale(full - floors[k], paymentRatio);
        }
        return (subsidies, floors);
    }

    /// <summary>The county's supplementary market this year: the offers, the insurers' marketing, and whether an insurer has left since last year.</summary>
    private static LocalPolicy WithMarket(LocalPolicy local, CountySpec county, CountyState state, NationalPolicy national)
    {
        var p = national.Parameters;
        var offers = national.Market.ForCounty(county.Id, p.Market);
        int[] insurers = PresentInsurers(national.Market, county.Id);
        return local with
        {
            Offers = offers,
            MarketingPerCapitaYuan = insurers.Sum(i => p.Market.Insurers[i].MarketingPerResidentYuan),
            InsurerLeft = state.LastInsurers.Any(i => Array.BinarySearch(insurers, i) < 0),
        };
    }

    /// <summary>The insurers in business serving a county this year, sorted.</summary>
    public static int[] PresentInsurers(Market.MarketOffers offers, int county) =>
        offers.Insurers.Where(o => o.Solvent && Array.BinarySearch(o.Counties, county) >= 0).Select(o => o.Insurer).Order().ToArray();

    /// <summary>What the county tells each insurer: its business with the insurer's products, grouped by insurer.</summary>
    public static IReadOnlyDictionary<int, Market.CountyProductReport[]> InsurerReports(CountyLedger ledger, MarketParameters market) =>
        ledger.Products
            .GroupBy(u => Market.MarketRules.InsurerIndex(market, market.Products[u.Product]))
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Select(u => new Market.CountyProductReport(ledger.CountyId, u)).ToArray());

    /// <summary>What the county tells insurers about itself (public information).</summary>
    public static Market.CountySummary Summary(CountyLedger ledger) =>
        new(ledger.CountyId, ledger.Region, ledger.Persons, ledger.PersonsByBand);

    /// <summary>Settles the county's year from its households' records and gives its state for next year.</summary>
    public static (CountyLedger Ledger, CountyState Next) CloseYear(
        ulong seed, CountySpec county, CountyState state, YearContext ctx, ReadOnlySpan<HouseholdYearRecord> records)
    {
        var t = Totals.Of(records, ctx.Parameters.Market.Products.Length);
        var medical = MedicalIncome(county, ctx, t);
        var supervision = Supervise(seed, county, state, ctx, t, medical);
        var fund = SettleMedicalFund(state, t, medical, supervision);
        var cover = ProvincialRules.CoverOf(ctx.National, county.Region, ProvincialRules.ShortfallFen(state.ReserveFen));
        var ledger = SettleLocalBudget(Ledger(county, ctx, t, medical, supervision, fund), state, cover, ctx.Parameters.LocalGovernment, supervision);
        return (ledger, NextState(seed, county, state, ctx, t, medical, supervision, fund, ledger));
    }

    /// <summary>The medical fund's income: premiums (with those assistance pays) and the fiscal subsidy, the central government's part of it.</summary>
    private readonly record struct MedicalIncomeFen(long StandardSubsidy, long CentralSubsidy, long Premiums, long FiscalSubsidy);

    /// <summary>What was diverted this year, from the medical fund and from the pension money of the local budget, and what a detection brought back.</summary>
    private readonly record struct Supervision(long DivertedMedicalFen, long DivertedPensionFen, long UndetectedFen, bool Detected, long RecoveredFen)
    {
        public long DivertedFen => DivertedMedicalFen + DivertedPensionFen;
    }

    /// <summary>The medical fund at the end of the year, after the local budget has covered any deficit.</summary>
    private readonly record struct MedicalFund(long BalanceFen, long DeficitCoverFen);

    private static MedicalIncomeFen MedicalIncome(CountySpec county, YearContext ctx, in Totals t)
    {
        var p = ctx.Parameters;
        long standardSubsidy = t.MedicalEnrolled * ctx.National.MedicalSubsidyFen;
        long centralMedical = Money.Scale(standardSubsidy, p.Medical.CentralShareOfSubsidy[county.Region]);
        long premiums = t.Premiums + t.PremiumAssistance;
        long fiscalSubsidy = standardSubsidy + Money.Scale(premiums + standardSubsidy, p.Medical.OtherIncomeShare);
        return new MedicalIncomeFen(standardSubsidy, centralMedical, premiums, fiscalSubsidy);
    }

    /// <summary>
    /// Supervision: a share of each fund flow is diverted: the medical fund's income from the fund, the
    /// pension subsidies and top-ups from the local budget. A detection recovers part, into the budget.
    /// </summary>
    private static Supervision Supervise(ulong seed, CountySpec county, CountyState state, YearContext ctx, in Totals t, MedicalIncomeFen medical)
    {
        var lg = ctx.Parameters.LocalGovernment;
        long divertedMedical = Money.Scale(medical.Premiums + medical.FiscalSubsidy, lg.MisappropriationShare);
        long divertedPension = Money.Scale(t.Subsidies + t.TopUp, lg.MisappropriationShare);
        long diverted = divertedMedical + divertedPension;
        long undetected = state.UndetectedDivertedFen + diverted;
        bool detected = undetected > 0 &&
                        new Rng(seed, Entity.County(county.Id), ctx.Year, RngStream.Detection).Uniform(0) < lg.DetectionProbability;
        long recovered = detected ? Money.Scale(undetected, lg.RecoveryShare) : 0;
        return new Supervision(divertedMedical, divertedPension, undetected, detected, recovered);
    }

    /// <summary>
    /// The centre's share of a county's top-up: its share of the county's own rate and, on the raise up to the
    /// national floor (<paramref name="floorRaiseShare"/> of the top-up), its share of that raise.
    /// </summary>
    internal static double CentralShareOfTopUp(PensionParameters pension, Region region, double floorRaiseShare) =>
        floorRaiseShare > 0
            ? pension.CentralShareOfTopUp[region] * (1 - floorRaiseShare) + pension.CentralShareOfFloorRaise[region] * floorRaiseShare
            : pension.CentralShareOfTopUp[region];

    /// <summary>The medical fund: last year's balance plus the year's income, less reimbursements and diversion; the local budget covers a deficit.</summary>
    private static MedicalFund SettleMedicalFund(CountyState state, in Totals t, MedicalIncomeFen medical, Supervision supervision)
    {
        long fund = state.MedicalFundFen + medical.Premiums + medical.FiscalSubsidy - t.Reimbursed - t.CriticalIllness - supervision.DivertedMedicalFen;
        long deficitCover = Math.Max(0, -fund);
        fund += deficitCover;
        return new MedicalFund(fund, deficitCover);
    }

    /// <summary>The county's accounts for the year, before the local budget's reserve and backstop.</summary>
    private static CountyLedger Ledger(CountySpec county, YearContext ctx, in Totals t, MedicalIncomeFen medical, Supervision supervision, MedicalFund fund)
    {
        var p = ctx.Parameters;
        var lg = p.LocalGovernment;
        var region = county.Region;
        long centralMinimum = PensionRules.CentralShareFen(t.MinimumPension, p.Pension.CentralShareOfMinimum[region]);
        long centralDibao = Money.Scale(t.Dibao, p.Dibao.CentralShare[region]);
        double index = p.Income.Index(region, ctx.Year);
        return new CountyLedger
        {
            CountyId = county.Id,
            Region = region,
            Year = ctx.Year,
            Persons = t.Persons,
            ContributionsFen = t.Contributions,
            SubsidiesFen = t.Subsidies,
            CentralMinimumPensionFen = centralMinimum,
            LocalMinimumPensionFen = t.MinimumPension - centralMinimum,
            TopUpFen = t.TopUp,
            CentralTopUpFen = Money.Scale(t.TopUp, CentralShareOfTopUp(p.Pension, region, ctx.Local.TopUpFloorRaiseShare)),
            AnnuityFromAccountsFen = t.AnnuityFromAccounts,
            AnnuityFromLocalFen = t.Annuity - t.AnnuityFromAccounts,
            AccountBalanceFen = t.AccountBalance,
            PremiumsFen = medical.Premiums,
            CentralMedicalSubsidyFen = medical.CentralSubsidy,
            LocalMedicalSubsidyFen = medical.FiscalSubsidy - medical.CentralSubsidy,
            ReimbursedFen = t.Reimbursed,
            CriticalIllnessFen = t.CriticalIllness,
            AssistanceFen = t.Assistance + t.PremiumAssistance,
            MedicalFundFen = fund.BalanceFen,
            FundDeficitCoverFen = fund.DeficitCoverFen,
            DibaoStandardFen = ctx.Local.DibaoStandardFen,
            Products = t.Products(),
            SupplementarySubsidyFen = t.SupplementarySubsidy,
            PersonsByBand = [t.Band0, t.Band1, t.Band2],
            CentralDibaoFen = centralDibao,
            LocalDibaoFen = t.Dibao - centralDibao,
            PublicityFen = Money.FromYuan(ctx.Local.PublicityPerCapitaYuan * t.Persons),
            AdministrationFen = Money.FromYuan(lg.AdministrationPerCapitaYuan * index * t.Persons),
            ContributionAidFen = t.ContributionAid,
            CollectiveFen = t.Collective,
            EqualisationFen = Money.FromYuan(lg.EqualisationPerCapitaYuan[region] * index * t.Persons),
            RevenueFen = Money.Scale(t.Market, lg.FiscalCapacity[region]),
            PaymentRatio = ctx.Local.PaymentRatio,
            DivertedFen = supervision.DivertedFen,
            RecoveredFen = supervision.RecoveredFen,
            ScandalDetected = supervision.Detected,
            MarketIncomeFen = t.Market,
            DisposableIncomeFen = t.Disposable,
        };
    }

    /// <summary>
    /// The local budget: last year's reserve and the cover of last year's shortfall, plus revenue and
    /// equalisation less local spending and the diverted pension money, plus any recovery. A debt at the
    /// close is the county's shortfall (claimed from the province); a reserve above the cap leaves the
    /// budget (<see cref="ProvincialRules"/>). Higher levels' part of the cover is booked as equalisation.
    /// </summary>
    private static CountyLedger SettleLocalBudget(CountyLedger ledger, CountyState state, ProvincialRules.Cover cover, LocalGovernmentParameters lg, Supervision supervision)
    {
        long flow = ledger.RevenueFen + ledger.EqualisationFen - ledger.LocalSpendingFen - supervision.DivertedPensionFen + supervision.RecoveredFen;
        long reserve = state.ReserveFen + cover.TotalFen + flow;
        var surplus = ProvincialRules.ApplyCap(lg, reserve, ledger.LocalSpendingFen);
        return ledger with
        {
            ReserveFen = surplus.KeptFen,
            SurplusHandedUpFen = surplus.HandedUpFen,
            SurplusReleasedFen = surplus.ReleasedFen,
            ShortfallCoverFen = cover.TotalFen,
            PooledCoverFen = cover.FromPoolFen,
            EqualisationFen = ledger.EqualisationFen + cover.FromAboveFen,
        };
    }

    /// <summary>Next year's state: the county's income drift, its peers' participation, the reimbursement ratio, the balances, and what supervision left pending.</summary>
    private static CountyState NextState(ulong seed, CountySpec county, CountyState state, YearContext ctx, in Totals t,
        MedicalIncomeFen medical, Supervision supervision, MedicalFund fund, CountyLedger ledger)
    {
        var lg = ctx.Parameters.LocalGovernment;
        double drift = ctx.Parameters.Income.CountyDrift;
        double nextFactor = state.IncomeFactor *
                            Math.Exp(drift * new Rng(seed, Entity.County(county.Id), ctx.Year, RngStream.CountyDrift).Normal(0) - drift * drift / 2);
        return new CountyState
        {
            IncomeFactor = nextFactor,
            Peers = new CountyPeers(
                t.PensionEligible == 0 ? state.Peers.PensionContributionRate : t.PensionContributors / (double)t.PensionEligible,
                t.Persons == t.EmployeeMedical ? state.Peers.MedicalEnrolmentRate : t.MedicalEnrolled / (double)(t.Persons - t.EmployeeMedical)),
            ReimbursementRatio = NextReimbursementRatio(ctx.Parameters.Medical, state, t, fund.BalanceFen),
            MedicalFundFen = fund.BalanceFen,
            ReserveFen = ledger.ReserveFen,
            LastDisposablePerCapitaYuan = t.Persons == 0 ? state.LastDisposablePerCapitaYuan : Money.ToYuan(t.Disposable) / t.Persons,
            // Discretionary benefits at full rate: what was paid above the legal floors, grossed up by the payment ratio.
            LastDiscretionaryFen = Money.Scale(t.TopUp + t.SubsidyAboveFloor, 1 / ctx.Local.PaymentRatio),
            UndetectedDivertedFen = supervision.Detected ? 0 : supervision.UndetectedFen,
            // The larger the diversion brought to light, relative to the year's flows, the graver the scandal.
            ScandalPending = supervision.Detected
                ? ScandalSeverity(lg, supervision.UndetectedFen, t.Subsidies + t.TopUp + medical.Premiums + medical.FiscalSubsidy)
                : 0,
            LastInsurers = PresentInsurers(ctx.National.Market, county.Id),
        };
    }

    /// <summary>The reimbursement ratio moves toward the one that keeps the fund at its target years of outflow, within its range.</summary>
    private static double NextReimbursementRatio(MedicalParameters medical, CountyState state, in Totals t, long fundFen)
    {
        long outflow = t.Reimbursed + t.CriticalIllness;
        return outflow <= 0
            ? state.ReimbursementRatio
            : Math.Clamp(state.ReimbursementRatio + medical.FundAdjustment * (fundFen / (double)outflow - medical.FundReserveYears),
                medical.ReimbursementRatioRange[0], medical.ReimbursementRatioRange[1]);
    }

    /// <summary>Integer sums of a county's household records.</summary>
    private struct Totals
    {
        public long Persons, PensionEligible, PensionContributors, MedicalEnrolled, EmployeeMedical;
        public long Contributions, ContributionAid, Collective, Subsidies, SubsidyAboveFloor, MinimumPension, TopUp, Annuity, AnnuityFromAccounts, AccountBalance;
        public long Premiums, PremiumAssistance, Reimbursed, CriticalIllness, Assistance, Dibao, Market, Disposable;
        public long Band0, Band1, Band2, SupplementarySubsidy;
        private Market.ProductUse[]? _products;

        /// <summary>The county's business with each product that had any, in product order.</summary>
        public readonly Market.ProductUse[] Products() =>
            _products is null ? [] : _products.Where(u => !u.IsEmpty).ToArray();

        private void AddProducts(Market.ProductUse[] uses, int products)
        {
            _products ??= new Market.ProductUse[products];
            foreach (ref readonly var u in uses.AsSpan())
            {
                _products[u.Product].Product = u.Product;
                _products[u.Product].Add(u);
                SupplementarySubsidy += u.SubsidyFen;
            }
        }

        public static Totals Of(ReadOnlySpan<HouseholdYearRecord> records, int products)
        {
            var t = new Totals();
            foreach (ref readonly var r in records)
            {
                t.Persons += r.Members;
                t.PensionEligible += r.PensionEligible;
                t.PensionContributors += r.PensionContributors;
                t.MedicalEnrolled += r.MedicalEnrolled;
                t.EmployeeMedical += r.EmployeeMedical;
                t.Contributions += r.ContributionFen;
                t.ContributionAid += r.ContributionAidFen;
                t.Collective += r.CollectiveFen;
                t.Subsidies += r.SubsidyFen;
                t.SubsidyAboveFloor += r.SubsidyAboveFloorFen;
                t.MinimumPension += r.MinimumPensionFen;
                t.TopUp += r.TopUpFen;
                t.Annuity += r.AnnuityFen;
                t.AnnuityFromAccounts += r.AnnuityFromAccountFen;
                t.AccountBalance += r.AccountBalanceFen;
                t.Premiums += r.PremiumsFen;
                t.PremiumAssistance += r.PremiumAssistanceFen;
                t.Reimbursed += r.ReimbursedFen;
                t.CriticalIllness += r.CriticalIllnessFen;
                t.Assistance += r.AssistanceFen;
                t.Dibao += r.DibaoFen;
                t.Market += r.MarketIncomeFen;
                t.Disposable += r.DisposableIncomeFen;
                t.Band0 += r.Band0;
                t.Band1 += r.Band1;
                t.Band2 += r.Band2;
                if (r.Products is { } uses) t.AddProducts(uses, products);
            }
            return t;
        }
    }
}
