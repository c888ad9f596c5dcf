using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Market;

/// <summary>
/// An insurer's year. It publishes its products and prices for the counties it serves; at the end
/// it settles its books from the counties' aggregates (capital change = premiums - claims - expenses
/// + investment income - increase in pension reserves + parent injection), checks its solvency,
/// reprices each medical product from credibility-weighted experience plus loadings, leaves counties
/// that lose money and enters counties where it expects a profit. An insurer whose capital falls
/// below its requirement leaves the market; one that expects to be profitable is recapitalised to
/// its target.
/// </summary>
public static class InsurerRules
{
    /// <summary>The insurer at the start: the largest counties of each region up to its presence, its capital, its launch prices.</summary>
    public static InsurerState Initial(ModelParameters p, int insurer, IReadOnlyList<CountySummary> counties)
    {
        var ip = p.Market.Insurers[insurer];
        var served = new List<int>();
        foreach (var region in Regions.All)
        {
            var inRegion = counties.Where(c => c.Region == region).OrderByDescending(c => c.Persons).ThenBy(c => c.County).ToList();
            int n = (int)Math.Round(ip.InitialPresence[region] * inRegion.Count, MidpointRounding.AwayFromZero);
            served.AddRange(inRegion.Take(n).Select(c => c.County));
        }
        served.Sort();
        long persons = counties.Where(c => served.BinarySearch(c.County) >= 0).Sum(c => c.Persons);
        return new InsurerState
        {
            Insurer = insurer,
            CapitalFen = Money.FromYuan(ip.CapitalPerResidentYuan * persons),
            ReservesFen = 0,
            Solvent = true,
            Counties = [.. served],
            LossYears = new int[served.Count],
            Products = ProductsOf(p.Market, insurer).Select(i => new ProductBook
            {
                Product = i,
                PremiumByBandFen = LaunchPrices(p.Market.Products[i]),
                Experience = [],
            }).ToArray(),
        };
    }

    /// <summary>The indices of an insurer's products.</summary>
    public static IEnumerable<int> ProductsOf(MarketParameters market, int insurer) =>
        Enumerable.Range(0, market.Products.Length).Where(i => market.Products[i].Insurer == market.Insurers[insurer].Id);

    private static long[] LaunchPrices(ProductParameters product)
    {
        if (product.Kind == ProductKind.SupplementaryPension) return Enumerable.Repeat(Money.FromYuan(product.ContributionYuan), MarketParameters.Bands).ToArray();
        if (product.Pricing == PricingKind.Flat) return Enumerable.Repeat(Money.FromYuan(product.PremiumYuan), MarketParameters.Bands).ToArray();
        return product.AgeRelativities.Select(r => Money.FromYuan(product.PremiumYuan * r / product.AgeRelativities[1])).ToArray();
    }

    /// <summary>What the insurer sells this year.</summary>
    public static InsurerOffer Offer(ModelParameters p, InsurerState s, int year) => new()
    {
        Insurer = s.Insurer,
        Solvent = s.Solvent,
        Counties = s.Solvent ? s.Counties : [],
        Products = s.Solvent
            // A ceiling set for this year holds at once: the offered price is the book's under it.
            ? s.Products.Where(b => p.Market.Products[b.Product].OnSale(year))
                .Select(b => new ProductPrice(b.Product, p.Market.Products[b.Product].Capped(b.PremiumByBandFen))).ToArray()
            : [],
    };

    /// <summary>Settles the insurer's year from the counties' reports and decides next year's prices and counties.</summary>
    public static (InsurerState Next, InsurerYearReport Report) Close(ModelParameters p, InsurerState s, int year,
        IReadOnlyList<CountyProductReport> reports, IReadOnlyList<CountySummary> counties)
    {
        var ip = p.Market.Insurers[s.Insurer];
        var usage = SumReports(p.Market, s, reports);
        var accounts = SettleAccounts(p.Market, ip, s, usage.ByProduct, counties);
        var books = UpdateExperienceAndPrices(p, ip, s, usage.ByProduct, year);

        // The parent restores the target solvency of an insurer in business that expects a profit at
        // next year's prices; without that, capital below the requirement ends the insurer.
        long injection = s.Solvent && ExpectsProfit(p, ip, books, year + 1)
            ? Math.Max(0, Money.Scale(accounts.RequiredFen, ip.TargetSolvencyRatio) - accounts.OperatingFen)
            : 0;
        long capital = accounts.OperatingFen + injection;
        bool solvent = s.Solvent && capital >= accounts.RequiredFen && capital > 0;

        var review = ReviewCounties(p.Market, ip, s, reports, usage, accounts, solvent);
        int entries = solvent && capital >= ip.EntrySolvencyRatio * accounts.RequiredFen
            ? EnterCounties(p, ip, s, books, counties, review, year + 1)
            : 0;

        var next = s with
        {
            CapitalFen = capital,
            ReservesFen = accounts.ReservesFen,
            Solvent = solvent,
            Counties = [.. review.Served],
            LossYears = [.. review.LossYears],
            Products = books,
            BookPremiumsFen = review.BookPremiumsFen,
            BookClaimsFen = review.BookClaimsFen,
        };
        return (next, YearReport(s, year, accounts, injection, capital, solvent, review, entries, books, usage.ByProduct));
    }

    /// <summary>The year's use of each product, summed over the counties' reports, and each county's medical premiums and claims.</summary>
    private sealed record Usage(Dictionary<int, ProductUse> ByProduct, Dictionary<int, long> CountyPremiumFen, Dictionary<int, long> CountyClaimsFen);

    /// <summary>The year's accounts before the parent's decision on capital.</summary>
    private readonly record struct YearAccounts(long MedicalPremiumsFen, long MedicalClaimsFen, long PremiumsFen, long ClaimsFen,
        long ExpensesFen, long InvestmentFen, long ReserveChangeFen, long ReservesFen, long Policies, long OperatingFen, long RequiredFen);

    /// <summary>The counties kept (in county order, with their years of losses), the exits, and the book's loss-ratio window.</summary>
    private sealed record CountyReview(List<int> Served, List<int> LossYears, int Exits, long[] BookPremiumsFen, long[] BookClaimsFen);

    /// <summary>Sums the counties' reports per product and, for medical products, per county (integers: the order does not matter).</summary>
    private static Usage SumReports(MarketParameters market, InsurerState s, IReadOnlyList<CountyProductReport> reports)
    {
        var byProduct = s.Products.ToDictionary(b => b.Product, _ => new ProductUse());
        var countyPremium = new Dictionary<int, long>();
        var countyClaims = new Dictionary<int, long>();
        foreach (var report in reports)
        {
            if (!byProduct.TryGetValue(report.Use.Product, out var total)) continue;
            total.Add(report.Use);
            byProduct[report.Use.Product] = total;
            if (market.Products[report.Use.Product].Kind == ProductKind.MedicalTopUp)
            {
                countyPremium[report.County] = countyPremium.GetValueOrDefault(report.County) + report.Use.PremiumFen + report.Use.SubsidyFen;
                countyClaims[report.County] = countyClaims.GetValueOrDefault(report.County) + report.Use.ClaimsFen;
            }
        }
        return new Usage(byProduct, countyPremium, countyClaims);
    }

    /// <summary>
    /// The year's books: premiums, claims, expenses (per policy, per resident served, premium tax),
    /// investment income, the change in pension reserves, the capital they leave and the capital required.
    /// </summary>
    private static YearAccounts SettleAccounts(MarketParameters market, InsurerParameters ip, InsurerState s,
        Dictionary<int, ProductUse> byProduct, IReadOnlyList<CountySummary> counties)
    {
        long medicalPremiums = 0, medicalClaims = 0, contributions = 0, pensionPaid = 0, reserves = 0, policies = 0, taxable = 0;
        foreach (var (product, use) in byProduct)
        {
            var pp = market.Products[product];
            policies += use.Policies;
            if (pp.Kind == ProductKind.MedicalTopUp)
            {
                medicalPremiums += use.PremiumFen + use.SubsidyFen;
                medicalClaims += use.ClaimsFen;
                if (!pp.TaxExempt) taxable += use.PremiumFen + use.SubsidyFen;
            }
            else
            {
                contributions += use.PremiumFen;
                pensionPaid += use.AnnuityFen + use.SurrenderFen;
                reserves += use.AccountFen;
            }
        }
        long servedPersons = counties.Where(c => Array.BinarySearch(s.Counties, c.County) >= 0).Sum(c => c.Persons);
        long expenses = Money.FromYuan(ip.PolicyCostYuan * policies + (ip.CountyCostPerResidentYuan + ip.MarketingPerResidentYuan) * servedPersons)
                        + Money.Scale(taxable, market.PremiumTaxRate);
        long investment = Money.Scale(Math.Max(0, s.CapitalFen) + s.ReservesFen, ip.InvestmentReturn);
        long premiums = medicalPremiums + contributions;
        long claims = medicalClaims + pensionPaid;
        long reserveChange = reserves - s.ReservesFen;
        long operating = s.CapitalFen + premiums - claims - expenses + investment - reserveChange;
        long required = Money.Scale(medicalPremiums, ip.SolvencyMargin) + Money.Scale(reserves, ip.ReserveMargin);
        return new YearAccounts(medicalPremiums, medicalClaims, premiums, claims, expenses, investment, reserveChange, reserves,
            policies, operating, required);
    }

    /// <summary>Adds the year to each medical product's experience (the last few years kept) and reprices it for next year.</summary>
    private static ProductBook[] UpdateExperienceAndPrices(ModelParameters p, InsurerParameters ip, InsurerState s,
        Dictionary<int, ProductUse> byProduct, int year) =>
        s.Products.Select(b =>
        {
            var pp = p.Market.Products[b.Product];
            if (pp.Kind != ProductKind.MedicalTopUp) return b;
            var use = byProduct[b.Product];
            var experience = b.Experience.Append(new ExperienceYear(year,
                    [use.Policies0, use.Policies1, use.Policies2], [use.Claims0Fen, use.Claims1Fen, use.Claims2Fen]))
                .TakeLast(ip.ExperienceYears).ToArray();
            var updated = b with { Experience = experience };
            return updated with { PremiumByBandFen = pp.Capped(Reprice(p, ip, pp, updated, year + 1)) };
        }).ToArray();

    /// <summary>
    /// Which counties the insurer keeps: it leaves a county after enough years of a credibility-weighted
    /// loss ratio above the exit threshold (unless it does not leave losing counties), and every county
    /// if it is no longer solvent.
    /// </summary>
    private static CountyReview ReviewCounties(MarketParameters market, InsurerParameters ip, InsurerState s,
        IReadOnlyList<CountyProductReport> reports, Usage usage, YearAccounts accounts, bool solvent)
    {
        long bookPolicies = usage.ByProduct.Where(kv => market.Products[kv.Key].Kind == ProductKind.MedicalTopUp).Sum(kv => (long)kv.Value.Policies);
        // The book's loss ratio over several years: one year's claims on a small rural book are too volatile to act on.
        long[] bookPremiums = [.. s.BookPremiumsFen.Append(accounts.MedicalPremiumsFen).TakeLast(ip.ExitExperienceYears)];
        long[] bookClaims = [.. s.BookClaimsFen.Append(accounts.MedicalClaimsFen).TakeLast(ip.ExitExperienceYears)];
        double bookLossRatio = bookPremiums.Sum() > 0 ? bookClaims.Sum() / (double)bookPremiums.Sum() : 0;
        var countyPolicies = reports.Where(r => market.Products[r.Use.Product].Kind == ProductKind.MedicalTopUp)
            .GroupBy(r => r.County).ToDictionary(g => g.Key, g => g.Sum(r => (long)r.Use.Policies));
        var served = new List<int>();
        var lossYears = new List<int>();
        int exits = 0;
        for (int i = 0; i < s.Counties.Length; i++)
        {
            int county = s.Counties[i];
            long premium = usage.CountyPremiumFen.GetValueOrDefault(county);
            double n = countyPolicies.GetValueOrDefault(county);
            double z = n / (n + ip.CredibilityPolicyYears);
            double lossRatio = premium > 0 ? z * usage.CountyClaimsFen.GetValueOrDefault(county) / (double)premium + (1 - z) * bookLossRatio : 0;
            bool losing = premium > 0 && bookPolicies > 0 && lossRatio > ip.ExitLossRatio;
            int years = losing ? s.LossYears[i] + 1 : 0;
            if (!solvent || (ip.LeavesLosingCounties && years >= ip.ExitAfterYears))
            {
                exits++;
                continue;
            }
            served.Add(county);
            lossYears.Add(years);
        }
        return new CountyReview(served, lossYears, exits, bookPremiums, bookClaims);
    }

    /// <summary>Adds the counties the insurer enters next year to the review's served list (kept in county order); returns how many.</summary>
    private static int EnterCounties(ModelParameters p, InsurerParameters ip, InsurerState s, ProductBook[] books,
        IReadOnlyList<CountySummary> counties, CountyReview review, int nextYear)
    {
        int entries = 0;
        foreach (int county in Entries(p, ip, s, books, counties, review.Served, nextYear))
        {
            int at = ~review.Served.BinarySearch(county);
            review.Served.Insert(at, county);
            review.LossYears.Insert(at, 0);
            entries++;
        }
        return entries;
    }

    /// <summary>The year as the insurer reports it.</summary>
    private static InsurerYearReport YearReport(InsurerState s, int year, YearAccounts accounts, long injection, long capital, bool solvent,
        CountyReview review, int entries, ProductBook[] books, Dictionary<int, ProductUse> byProduct) => new()
    {
        Insurer = s.Insurer,
        Year = year,
        CapitalStartFen = s.CapitalFen,
        PremiumsFen = accounts.PremiumsFen,
        ClaimsFen = accounts.ClaimsFen,
        ExpensesFen = accounts.ExpensesFen,
        InvestmentFen = accounts.InvestmentFen,
        InjectionFen = injection,
        ReserveChangeFen = accounts.ReserveChangeFen,
        CapitalFen = capital,
        ReservesFen = accounts.ReservesFen,
        RequiredCapitalFen = accounts.RequiredFen,
        MedicalPremiumsFen = accounts.MedicalPremiumsFen,
        MedicalClaimsFen = accounts.MedicalClaimsFen,
        Policies = accounts.Policies,
        Solvent = solvent,
        Counties = review.Served.Count,
        Entries = entries,
        Exits = review.Exits,
        Products = books.Select(b => new ProductYear(b.Product, byProduct[b.Product], b.PremiumByBandFen)).ToArray(),
    };

    /// <summary>
    /// Expected claims per policy next year (in one age band, or pooled for a flat price):
    /// credibility-weighted experience trended to next year's costs against the prior,
    /// Z = n / (n + K) with n the simulated policy-years observed.
    /// </summary>
    public static double ExpectedClaimsYuan(ModelParameters p, InsurerParameters ip, ProductParameters product, ProductBook book,
        int nextYear, int? band)
    {
        double growth = p.Health.CostGrowth;
        double policies = 0, claims = 0;
        foreach (var e in book.Experience)
        {
            double trend = Math.Pow(1 + growth, nextYear - e.Year);
            for (int b = 0; b < MarketParameters.Bands; b++)
            {
                if (band is { } only && b != only) continue;
                policies += e.Policies[b];
                claims += Money.ToYuan(e.ClaimsFen[b]) * trend;
            }
        }
        // The prior is in the money of the launch year; a product not yet launched keeps it untrended.
        double prior = product.PriorClaimsYuan * Math.Pow(1 + growth, Math.Max(0, nextYear - product.LaunchYear)) *
                       (band is { } k ? product.AgeRelativities[k] / product.AgeRelativities[1] : 1);
        if (policies <= 0) return prior;
        double z = policies / (policies + ip.CredibilityPolicyYears);
        return z * claims / policies + (1 - z) * prior;
    }

    /// <summary>
    /// Whether the insurer's business can be profitable next year: every medical product on sale has a
    /// target price (before the limit on yearly changes) above its expected claims, and every pension
    /// product earns more on its assets than it guarantees.
    /// </summary>
    private static bool ExpectsProfit(ModelParameters p, InsurerParameters ip, ProductBook[] books, int nextYear)
    {
        bool any = false;
        foreach (var b in books)
        {
            var product = p.Market.Products[b.Product];
            if (!product.OnSale(nextYear)) continue;
            any = true;
            if (product.Kind == ProductKind.SupplementaryPension)
            {
                if (ip.InvestmentReturn <= product.GuaranteedRate) return false;
                continue;
            }
            for (int k = 0; k < MarketParameters.Bands; k++)
            {
                double expected = ExpectedClaimsYuan(p, ip, product, b, nextYear, product.Pricing == PricingKind.Flat ? null : k);
                if (expected >= TargetPriceYuan(p, ip, product, expected)) return false;
            }
        }
        return any;
    }

    /// <summary>The premium that covers expected claims and the policy cost after loadings and premium tax.</summary>
    public static double TargetPriceYuan(ModelParameters p, InsurerParameters ip, ProductParameters product, double expectedClaimsYuan)
    {
        double tax = product.TaxExempt ? 0 : p.Market.PremiumTaxRate;
        return (expectedClaimsYuan + ip.PolicyCostYuan) / (1 - ip.ExpenseLoading - ip.ProfitLoading - tax);
    }

    /// <summary>Next year's premium per band: expected claims plus the policy cost, grossed up by the loadings and premium tax, within the largest yearly change.</summary>
    public static long[] Reprice(ModelParameters p, InsurerParameters ip, ProductParameters product, ProductBook book, int nextYear)
    {
        // Not yet on sale: the launch prices stand until the product has been sold.
        if (nextYear <= product.LaunchYear && book.Experience.All(e => e.Policies.Sum() == 0)) return book.PremiumByBandFen;
        var prices = new long[MarketParameters.Bands];
        for (int b = 0; b < prices.Length; b++)
        {
            double expected = ExpectedClaimsYuan(p, ip, product, book, nextYear, product.Pricing == PricingKind.Flat ? null : b);
            double target = TargetPriceYuan(p, ip, product, expected);
            double old = Money.ToYuan(book.PremiumByBandFen[b]);
            prices[b] = Money.FromYuan(Math.Clamp(target, old * (1 - ip.MaxPriceChange), old * (1 + ip.MaxPriceChange)));
        }
        return prices;
    }

    /// <summary>
    /// Counties to enter next year: unserved counties where the expected loss ratio of the insurer's
    /// medical products at their prices (over the county's age mix) is below the entry threshold, or,
    /// for a pension-only insurer, where its investment return beats its guarantees; best first.
    /// </summary>
    private static IEnumerable<int> Entries(ModelParameters p, InsurerParameters ip, InsurerState s, ProductBook[] books,
        IReadOnlyList<CountySummary> counties, List<int> served, int nextYear)
    {
        var market = p.Market;
        var onSale = books.Where(b => market.Products[b.Product].OnSale(nextYear)).ToArray();
        var medical = onSale.Where(b => market.Products[b.Product].Kind == ProductKind.MedicalTopUp).ToArray();
        var pensions = onSale.Where(b => market.Products[b.Product].Kind == ProductKind.SupplementaryPension).ToArray();
        bool pensionsPay = pensions.Any(b => ip.InvestmentReturn > market.Products[b.Product].GuaranteedRate);
        if (ip.MaxEntriesPerYear == 0 || (medical.Length == 0 && !pensionsPay)) return [];

        var expected = medical.ToDictionary(b => b.Product, b => Enumerable.Range(0, MarketParameters.Bands)
            .Select(k => ExpectedClaimsYuan(p, ip, market.Products[b.Product], b, nextYear, k)).ToArray());
        return counties
            .Where(c => served.BinarySearch(c.County) < 0 && c.Persons > 0)
            .Select(c =>
            {
                double claims = 0, premiums = 0;
                foreach (var b in medical)
                {
                    for (int k = 0; k < MarketParameters.Bands; k++)
                    {
                        claims += c.PersonsByBand[k] * expected[b.Product][k];
                        premiums += c.PersonsByBand[k] * Money.ToYuan(b.PremiumByBandFen[k]);
                    }
                }
                return (c.County, c.Persons, LossRatio: medical.Length == 0 ? 0 : claims / Math.Max(premiums, 1e-9));
            })
            .Where(c => c.LossRatio < ip.EntryLossRatio)
            .OrderBy(c => c.LossRatio).ThenByDescending(c => c.Persons).ThenBy(c => c.County)
            .Take(ip.MaxEntriesPerYear)
            .Select(c => c.County)
            .ToArray();
    }
}
