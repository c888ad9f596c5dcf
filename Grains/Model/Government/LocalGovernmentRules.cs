using EcosystemSim.Model.Households;
using EcosystemSim.Model.Income;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Pension;
using EcosystemSim.Model.Random;
using EcosystemSim.Model.World;

namespace EcosystemSim.Model.Government;

/// <summary>
/// A local government's year. At the start it sets local policy from its state: the pension
/// top-up and subsidies (cut when its budget is in deficit), the dibao standard and the medical
/// thresholds from last year's local income, the reimbursement ratio its fund can afford. At the
/// end it settles the county's accounts from its households' records: the pension, the medical
/// fund, dibao, assistance, publicity; its revenue and reserve; misappropriation and its detection.
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
        double paymentRatio = PaymentRatio(p.LocalGovernment, state.ReserveFen, state.LastDiscretionaryFen);

        // Top-ups follow the county's own income: the region's growth and the county's drift since the start.
        // Standardised, every county pays its regional rate grown with national income.
        double countyIndex = index * state.IncomeFactor / county.IncomeFactor;
        double topUp = pension.StandardisedTopUp
            ? pension.TopUpMonthlyYuan[region] * Math.Pow(NationalIncomeIndex(p, year), pension.TopUpIncomeElasticity)
            : pension.TopUpMonthlyYuan[region] * county.TopUpFactor * Math.Pow(countyIndex, pension.TopUpIncomeElasticity);
        var subsidies = new long[pension.TiersYuan.Length];
        var floors = new long[pension.TiersYuan.Length];
        for (int k = 0; k < subsidies.Length; k++)
        {
            long full = PensionRules.SubsidyFen(pension.TiersYuan[k], pension.SubsidyByTierYuan[k], pension.SubsidyMultiplier[region], pension);
            floors[k] = PensionRules.SubsidyFen(pension.TiersYuan[k], 0, 0, pension);
            subsidies[k] = floors[k] + Money.Scale(full - floors[k], paymentRatio);
        }
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
        };
        var offers = national.Market.ForCounty(county.Id, p.Market);
        int[] insurers = PresentInsurers(national.Market, county.Id);
        local = local with
        {
            Offers = offers,
            MarketingPerCapitaYuan = insurers.Sum(i => p.Market.Insurers[i].MarketingPerResidentYuan),
            InsurerLeft = state.LastInsurers.Any(i => Array.BinarySearch(insurers, i) < 0),
        };
        return new YearContext(year, seed, national, local, state.Peers);
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
        var p = ctx.Parameters;
        var region = county.Region;
        var t = Totals.Of(records, p.Market.Products.Length);

        long standardSubsidy = t.MedicalEnrolled * ctx.National.MedicalSubsidyFen;
        long centralMedical = Money.Scale(standardSubsidy, p.Medical.CentralShareOfSubsidy[region]);
        long centralMinimum = PensionRules.CentralShareFen(t.MinimumPension, p.Pension.CentralShareOfMinimum[region]);
        long centralDibao = Money.Scale(t.Dibao, p.Dibao.CentralShare[region]);
        long premiums = t.Premiums + t.PremiumAssistance;
        long fiscalSubsidy = standardSubsidy + Money.Scale(premiums + standardSubsidy, p.Medical.OtherIncomeShare);
        double index = p.Income.Index(region, ctx.Year);

        // Supervision: a share of each fund flow is diverted: the medical fund's income from the fund, the
        // pension subsidies and top-ups from the local budget. A detection recovers part, into the budget.
        var lg = p.LocalGovernment;
        long divertedMedical = Money.Scale(premiums + fiscalSubsidy, lg.MisappropriationShare);
        long divertedPension = Money.Scale(t.Subsidies + t.TopUp, lg.MisappropriationShare);
        long diverted = divertedMedical + divertedPension;
        long undetected = state.UndetectedDivertedFen + diverted;
        bool detected = undetected > 0 &&
                        new Rng(seed, Entity.County(county.Id), ctx.Year, RngStream.Detection).Uniform(0) < lg.DetectionProbability;
        long recovered = detected ? Money.Scale(undetected, lg.RecoveryShare) : 0;

        long fund = state.MedicalFundFen + premiums + fiscalSubsidy - t.Reimbursed - t.CriticalIllness - divertedMedical;
        long deficitCover = Math.Max(0, -fund);
        fund += deficitCover;
        var ledger = new CountyLedger
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
            CentralTopUpFen = Money.Scale(t.TopUp, p.Pension.CentralShareOfTopUp[region]),
            AnnuityFromAccountsFen = t.AnnuityFromAccounts,
            AnnuityFromLocalFen = t.Annuity - t.AnnuityFromAccounts,
            AccountBalanceFen = t.AccountBalance,
            PremiumsFen = premiums,
            CentralMedicalSubsidyFen = centralMedical,
            LocalMedicalSubsidyFen = fiscalSubsidy - centralMedical,
            ReimbursedFen = t.Reimbursed,
            CriticalIllnessFen = t.CriticalIllness,
            AssistanceFen = t.Assistance + t.PremiumAssistance,
            MedicalFundFen = fund,
            FundDeficitCoverFen = deficitCover,
            DibaoStandardFen = ctx.Local.DibaoStandardFen,
            Products = t.Products(p.Market),
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
            DivertedFen = diverted,
            RecoveredFen = recovered,
            ScandalDetected = detected,
            MarketIncomeFen = t.Market,
            DisposableIncomeFen = t.Disposable,
        };
        // Higher levels cover a share of this year's deficit, as far as it leaves the county in debt.
        long flow = ledger.RevenueFen + ledger.EqualisationFen - ledger.LocalSpendingFen - divertedPension + recovered;
        long reserve = state.ReserveFen + flow;
        long backstop = Money.Scale(Math.Min(Math.Max(0, -flow), Math.Max(0, -reserve)), lg.DeficitCoverShare);
        reserve += backstop;
        ledger = ledger with { ReserveFen = reserve, EqualisationFen = ledger.EqualisationFen + backstop };

        long outflow = t.Reimbursed + t.CriticalIllness;
        double ratio = outflow <= 0
            ? state.ReimbursementRatio
            : Math.Clamp(state.ReimbursementRatio + p.Medical.FundAdjustment * (fund / (double)outflow - p.Medical.FundReserveYears),
                p.Medical.ReimbursementRatioRange[0], p.Medical.ReimbursementRatioRange[1]);
        double drift = p.Income.CountyDrift;
        double nextFactor = state.IncomeFactor *
                            Math.Exp(drift * new Rng(seed, Entity.County(county.Id), ctx.Year, RngStream.CountyDrift).Normal(0) - drift * drift / 2);
        var next = new CountyState
        {
            IncomeFactor = nextFactor,
            Peers = new CountyPeers(
                t.PensionEligible == 0 ? state.Peers.PensionContributionRate : t.PensionContributors / (double)t.PensionEligible,
                t.Persons == 0 ? state.Peers.MedicalEnrolmentRate : t.MedicalEnrolled / (double)t.Persons),
            ReimbursementRatio = ratio,
            MedicalFundFen = fund,
            ReserveFen = reserve,
            LastDisposablePerCapitaYuan = t.Persons == 0 ? state.LastDisposablePerCapitaYuan : Money.ToYuan(t.Disposable) / t.Persons,
            // Discretionary benefits at full rate: what was paid above the legal floors, grossed up by the payment ratio.
            LastDiscretionaryFen = Money.Scale(t.TopUp + t.SubsidyAboveFloor, 1 / ctx.Local.PaymentRatio),
            UndetectedDivertedFen = detected ? 0 : undetected,
            // The larger the diversion brought to light, relative to the year's flows, the graver the scandal.
            ScandalPending = detected ? ScandalSeverity(lg, undetected, t.Subsidies + t.TopUp + premiums + fiscalSubsidy) : 0,
            LastInsurers = PresentInsurers(ctx.National.Market, county.Id),
        };
        return (ledger, next);
    }

    /// <summary>Integer sums of a county's household records.</summary>
    private struct Totals
    {
        public long Persons, PensionEligible, PensionContributors, MedicalEnrolled;
        public long Contributions, ContributionAid, Collective, Subsidies, SubsidyAboveFloor, MinimumPension, TopUp, Annuity, AnnuityFromAccounts, AccountBalance;
        public long Premiums, PremiumAssistance, Reimbursed, CriticalIllness, Assistance, Dibao, Market, Disposable;
        public long Band0, Band1, Band2, SupplementarySubsidy;
        private Market.ProductUse[]? _products;

        /// <summary>The county's business with each product that had any, in product order.</summary>
        public readonly Market.ProductUse[] Products(MarketParameters market) =>
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
