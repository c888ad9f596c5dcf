using EcosystemSim.Model;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Tests.Model;

public class InsurerRulesTests
{
    private static ModelParameters Parameters(InsurerParameters? insurer = null, ProductParameters? product = null) => new()
    {
        Market = new MarketParameters
        {
            Insurers = [insurer ?? new InsurerParameters { Id = "i", InitialPresence = RegionValues<double>.Uniform(0.5) }],
            Products = [product ?? new ProductParameters { Id = "p", Insurer = "i", PremiumYuan = 100, PriorClaimsYuan = 60, LaunchYear = 2021 }],
        },
    };

    private static readonly CountySummary[] Counties =
    [
        new(0, Region.East, 1000, [400, 400, 200]),
        new(1, Region.East, 3000, [1200, 1200, 600]),
        new(2, Region.West, 2000, [400, 800, 800]),
        new(3, Region.West, 500, [300, 100, 100]),
    ];

    [Fact]
    public void An_insurer_starts_in_the_largest_counties_up_to_its_presence_with_capital_per_resident()
    {
        var p = Parameters();
        var s = InsurerRules.Initial(p, 0, Counties);
        Assert.Equal([1, 2], s.Counties);
        Assert.Equal(Money.FromYuan(20 * 5000), s.CapitalFen);
        Assert.Equal(Money.FromYuan(100), s.Products[0].PremiumByBandFen[1]);
        Assert.True(s.Solvent);
    }

    [Fact]
    public void Expected_claims_weigh_experience_against_the_prior_by_credibility()
    {
        var p = Parameters();
        var ip = p.Market.Insurers[0] with { CredibilityPolicyYears = 1000 };
        var product = p.Market.Products[0];
        var book = new ProductBook
        {
            Product = 0,
            PremiumByBandFen = [10_000, 10_000, 10_000],
            Experience = [new ExperienceYear(2021, [0, 1000, 0], [0, Money.FromYuan(1000 * 90.0), 0])],
        };
        // n = 1,000, K = 1,000: Z = 0.5. Experience 90 a policy, trended one year at 4% = 93.6; prior 60 * 1.04 = 62.4.
        double expected = InsurerRules.ExpectedClaimsYuan(p, ip, product, book, 2022, null);
        Assert.Equal(0.5 * 93.6 + 0.5 * 62.4, expected, 6);
        // No experience: the prior alone.
        Assert.Equal(60 * 1.04, InsurerRules.ExpectedClaimsYuan(p, ip, product, book with { Experience = [] }, 2022, null), 6);
    }

    [Fact]
    public void Prices_cover_claims_and_costs_after_loadings_within_the_yearly_limit()
    {
        var p = Parameters();
        var ip = p.Market.Insurers[0];
        var product = p.Market.Products[0];
        // (60 + 4) / (1 - 0.12 - 0.05 - 0.03) = 80
        Assert.Equal(80, InsurerRules.TargetPriceYuan(p, ip, product, 60), 9);
        var cheap = new ProductBook { Product = 0, PremiumByBandFen = [1000, 1000, 1000], Experience = [] };
        Assert.Equal(Money.FromYuan(10 * 1.5), InsurerRules.Reprice(p, ip, product, cheap, 2022)[0]); // capped at +50%
    }

    [Fact]
    public void A_product_not_yet_on_sale_keeps_its_launch_price_and_an_untrended_prior()
    {
        var p = Parameters(product: new ProductParameters { Id = "p", Insurer = "i", PremiumYuan = 100, PriorClaimsYuan = 60, LaunchYear = 2200 });
        var ip = p.Market.Insurers[0];
        var product = p.Market.Products[0];
        var book = InsurerRules.Initial(p, 0, Counties).Products[0];
        Assert.Equal(book.PremiumByBandFen, InsurerRules.Reprice(p, ip, product, book, 2025));
        Assert.Equal(60, InsurerRules.ExpectedClaimsYuan(p, ip, product, book, 2025, null), 9);
        // Launched by an intervention in 2025 (its launch year set then), it is priced from its prior.
        var launched = product with { LaunchYear = 2025 };
        Assert.Equal(60 * 1.04, InsurerRules.ExpectedClaimsYuan(p, ip, launched, book, 2026, null), 9);
    }

    private static CountyProductReport Report(int county, long premium, long claims, int policies = 100) =>
        new(county, new ProductUse { Product = 0, Policies1 = policies, PremiumFen = premium, ClaimsFen = claims, Claims1Fen = claims });

    [Fact]
    public void The_books_balance_to_the_fen()
    {
        var p = Parameters();
        var s = InsurerRules.Initial(p, 0, Counties);
        var (next, r) = InsurerRules.Close(p, s, 2021, [Report(1, 1_000_000, 700_000), Report(2, 500_000, 900_000)], Counties);
        Assert.Equal(1_500_000, r.PremiumsFen);
        Assert.Equal(1_600_000, r.ClaimsFen);
        Assert.Equal(r.CapitalFen - r.CapitalStartFen,
            r.PremiumsFen - r.ClaimsFen - r.ExpensesFen + r.InvestmentFen - r.ReserveChangeFen + r.InjectionFen);
        Assert.Equal(next.CapitalFen, r.CapitalFen);
        // Expenses: 4 yuan a policy (200), county cost and marketing (0.3 + 1) on 5,000 residents, 3% tax on premiums.
        Assert.Equal(Money.FromYuan(4 * 200 + 1.3 * 5000) + Money.Scale(1_500_000, 0.03), r.ExpensesFen);
    }

    [Fact]
    public void A_county_that_keeps_losing_money_is_left()
    {
        var p = Parameters(new InsurerParameters { Id = "i", InitialPresence = RegionValues<double>.Uniform(0.5), CredibilityPolicyYears = 1, ExitAfterYears = 2, MaxEntriesPerYear = 0 });
        var s = InsurerRules.Initial(p, 0, Counties);
        var reports = new[] { Report(1, 1_000_000, 600_000, 10_000), Report(2, 1_000_000, 2_000_000, 10_000) };
        var (year1, r1) = InsurerRules.Close(p, s, 2021, reports, Counties);
        Assert.Equal([1, 2], year1.Counties);
        Assert.Equal(0, r1.Exits);
        var (year2, r2) = InsurerRules.Close(p, year1, 2022, reports, Counties);
        Assert.Equal([1], year2.Counties);
        Assert.Equal(1, r2.Exits);
    }

    [Fact]
    public void An_insurer_whose_capital_falls_below_its_requirement_leaves_the_market_unless_recapitalised()
    {
        var broke = new InsurerParameters { Id = "i", InitialPresence = RegionValues<double>.Uniform(0.5), CapitalPerResidentYuan = 0.01, TargetSolvencyRatio = 0 };
        var p = Parameters(broke);
        var (failed, report) = InsurerRules.Close(p, InsurerRules.Initial(p, 0, Counties), 2021, [Report(1, 1_000_000, 3_000_000)], Counties);
        Assert.False(failed.Solvent);
        Assert.Empty(failed.Counties);
        Assert.Equal(2, report.Exits);
        Assert.Empty(InsurerRules.Offer(p, failed, 2022).Products);

        var backed = Parameters(broke with { TargetSolvencyRatio = 2 });
        var (rescued, help) = InsurerRules.Close(backed, InsurerRules.Initial(backed, 0, Counties), 2021, [Report(1, 1_000_000, 3_000_000)], Counties);
        Assert.True(rescued.Solvent);
        Assert.True(help.InjectionFen > 0);
        Assert.InRange(help.CapitalFen, 2 * help.RequiredCapitalFen - 1, 2 * help.RequiredCapitalFen + 1);
    }

    [Fact]
    public void An_insurer_enters_the_unserved_counties_where_it_expects_a_profit_best_first()
    {
        var p = Parameters(new InsurerParameters { Id = "i", InitialPresence = RegionValues<double>.Uniform(0.5), MaxEntriesPerYear = 1, EntryLossRatio = 0.9 },
            new ProductParameters { Id = "p", Insurer = "i", Pricing = PricingKind.Flat, PremiumYuan = 100, PriorClaimsYuan = 60, LaunchYear = 2021 });
        var s = InsurerRules.Initial(p, 0, Counties);
        var (next, report) = InsurerRules.Close(p, s, 2021, [Report(1, 1_000_000, 500_000), Report(2, 1_000_000, 500_000)], Counties);
        Assert.Equal(1, report.Entries);
        Assert.Contains(next.Counties, c => c is 0 or 3);
    }
}
