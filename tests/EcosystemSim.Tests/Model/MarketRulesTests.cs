using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

public class MarketRulesTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963985, 0.975)]
    [InlineData(-1.0, 0.158655254)]
    [InlineData(3.0, 0.998650102)]
    public void The_normal_distribution_function_matches_tables(double x, double p) =>
        Assert.Equal(p, MarketMath.NormalCdf(x), 6);

    [Fact]
    public void The_expected_excess_of_a_log_normal_matches_simulation()
    {
        var rng = new Rng(4, Entity.Nation, 0, RngStream.AdmissionCost);
        double simulated = Enumerable.Range(0, 400_000)
            .Average(i => Math.Max(0, 0.45 * 7000 * Math.Exp(1.2 * rng.Normal((uint)i) - 0.72) - 5000));
        double exact = MarketMath.ExpectedExcess(7000, 1.2, 0.45, 5000);
        Assert.InRange(exact, simulated * 0.97, simulated * 1.03);
        Assert.Equal(0.45 * 7000, MarketMath.ExpectedExcess(7000, 1.2, 0.45, 0), 9);
    }

    private static (ModelParameters P, YearContext Context) Market(ProductParameters product, bool forbid = false)
    {
        var p = new ModelParameters
        {
            Market = new MarketParameters
            {
                Insurers = [new InsurerParameters { Id = "i" }],
                Products = [product with { Insurer = "i" }],
                ForbidExclusions = forbid,
            },
        };
        var offer = new CountyOffer(0, 0, product.Kind, [Money.FromYuan(product.PremiumYuan), Money.FromYuan(product.PremiumYuan), Money.FromYuan(product.PremiumYuan)]);
        var context = TestWorld.Context(2021, p, local: l => l with { Offers = [offer] });
        context = context with { National = context.National with { Market = new MarketOffers([new InsurerOffer { Insurer = 0, Solvent = true, Counties = [0], Products = [] }]) } };
        return (p, context);
    }

    private static readonly ProductParameters TopUp = new()
    {
        Id = "top", DeductibleYuan = 20_000, ReimbursementShare = 0.8, PreexistingShare = 0.5, CapYuan = 100_000, LaunchYear = 2021,
    };

    private static long Claim(ProductParameters product, bool chronic, double outOfPocket, bool forbid = false)
    {
        var (p, context) = Market(product, forbid);
        var member = new MemberState { BirthYear = 1970, Chronic = chronic, TopUpProduct = 0 };
        var record = new HouseholdYearRecord();
        return MarketRules.ClaimMedical(member, 51, outOfPocket, context, MarketLedger.For(p.Market), ref record);
    }

    [Fact]
    public void A_top_up_pays_its_share_above_the_deductible_up_to_the_cap()
    {
        Assert.Equal(0, Claim(TopUp, false, 15_000));
        Assert.Equal(Money.FromYuan(0.8 * 10_000), Claim(TopUp, false, 30_000));
        Assert.Equal(Money.FromYuan(0.5 * 10_000), Claim(TopUp, true, 30_000)); // pre-existing share
        Assert.Equal(Money.FromYuan(100_000), Claim(TopUp, false, 1_000_000)); // the cap
    }

    [Fact]
    public void An_excluded_pre_existing_condition_is_denied_unless_exclusions_are_forbidden()
    {
        var excluding = TopUp with { PreexistingShare = 0 };
        var (p, context) = Market(excluding);
        var ledger = MarketLedger.For(p.Market);
        var record = new HouseholdYearRecord();
        Assert.Equal(0, MarketRules.ClaimMedical(new MemberState { BirthYear = 1970, Chronic = true, TopUpProduct = 0 }, 51, 30_000, context, ledger, ref record));
        Assert.Equal(1, record.SupplementaryDenied);
        Assert.Equal(Money.FromYuan(0.8 * 10_000), Claim(excluding, true, 30_000, forbid: true));
    }

    [Fact]
    public void A_deductible_indexed_to_costs_grows_from_the_launch_year()
    {
        Assert.Equal(20_000 * 1.04 * 1.04, TopUp.DeductibleIn(2023, 0.04), 9);
        Assert.Equal(20_000, (TopUp with { DeductibleIndexed = false }).DeductibleIn(2030, 0.04), 9);
    }

    [Fact]
    public void The_sick_expect_more_from_a_top_up_than_the_healthy()
    {
        var p = new ModelParameters();
        double Expect(int age, bool chronic) => MarketRules.ExpectedPayoutYuan(TopUp with { PreexistingShare = 0.8 }, p.Market, p.Health, 7000, 0.45, age, chronic, 2021);
        Assert.True(Expect(70, true) > 3 * Expect(30, false));
        Assert.True(Expect(50, true) > Expect(50, false));
    }

    private static double ShareBuying(Func<ModelParameters, ModelParameters> change, Func<MemberState, MemberState> member, bool lowIncome = false,
        double incomeYuan = 15_000)
    {
        var (p, context) = Market(TopUp with { PremiumYuan = 200, PreexistingShare = 0.8 });
        p = change(p);
        context = context with { National = context.National with { Parameters = p } };
        int buyers = 0;
        for (int id = 0; id < 4000; id++)
        {
            var m = member(new MemberState { Serial = 0, BirthYear = 1960 });
            var household = new HouseholdState
            {
                Id = id, Region = Region.West, County = 0, Members = [m], MarketIncomeFen = Money.FromYuan(incomeYuan),
                Awareness = 0.6, InsurerTrust = 0.5, RiskAversion = 1,
            };
            var record = new HouseholdYearRecord();
            if (MarketRules.ChooseMedical(ref household.Members[0], 61, household, context, lowIncome, true, MarketLedger.For(p.Market), ref record) >= 0) buyers++;
        }
        return buyers / 4000.0;
    }

    [Fact]
    public void The_sick_buy_more_and_endorsement_and_subsidies_raise_uptake()
    {
        double healthy = ShareBuying(p => p, m => m);
        double sick = ShareBuying(p => p, m => m with { Chronic = true });
        Assert.True(sick > 1.2 * healthy, $"chronic {sick:P1}, healthy {healthy:P1}");
        double endorsed = ShareBuying(p => p with { Market = p.Market with { Products = [p.Market.Products[0] with { Endorsed = true }] } }, m => m);
        Assert.True(endorsed > healthy + 0.05, $"endorsed {endorsed:P1}, not {healthy:P1}");
        double subsidised = ShareBuying(p => p with { Market = p.Market with { LowIncomeSubsidyShare = 0.9 } }, m => m, lowIncome: true);
        Assert.True(subsidised > healthy, $"subsidised {subsidised:P1}, not {healthy:P1}");
    }

    [Fact]
    public void Other_things_equal_a_richer_member_is_more_likely_to_buy_and_the_sick_still_more_than_the_healthy()
    {
        // The county's mean market income is about 14,000 yuan in the West in 2021: a member at a fifth of it and one at twice it.
        double poor = ShareBuying(p => p, m => m, incomeYuan: 3_000);
        double rich = ShareBuying(p => p, m => m, incomeYuan: 30_000);
        Assert.True(rich > poor * 1.3, $"rich {rich:P1}, poor {poor:P1}");
        double poorSick = ShareBuying(p => p, m => m with { Chronic = true }, incomeYuan: 3_000);
        double richSick = ShareBuying(p => p, m => m with { Chronic = true }, incomeYuan: 30_000);
        Assert.True(poorSick > poor * 1.2, $"poor: chronic {poorSick:P1}, healthy {poor:P1}");
        Assert.True(richSick > rich * 1.2, $"rich: chronic {richSick:P1}, healthy {rich:P1}");
        // Without the liquidity weight and the income slope, income makes no difference: the value is relative to the county's mean.
        Func<ModelParameters, ModelParameters> flat = p => p with { Market = p.Market with { Choice = p.Market.Choice with { Liquidity = 0, MedicalIncome = 0 } } };
        Assert.Equal(ShareBuying(flat, m => m, incomeYuan: 3_000), ShareBuying(flat, m => m, incomeYuan: 30_000), 9);
    }

    [Fact]
    public void The_price_weighs_more_below_the_county_mean_and_a_yuan_above_it()
    {
        var choice = new MarketChoiceParameters { Value = 100, Liquidity = 0.5 };
        Assert.Equal(100 * (2 * 50 - 80) / 20_000.0, MarketRules.MedicalValue(choice, 1, 50, 80, 20_000, 20_000), 12);
        Assert.Equal(100 * (2 * 50 - 80) / 20_000.0, MarketRules.MedicalValue(choice, 1, 50, 80, 60_000, 20_000), 12);
        Assert.Equal(100 * (2 * 50 - 80 * 2) / 20_000.0, MarketRules.MedicalValue(choice, 1, 50, 80, 5_000, 20_000), 12); // (20,000 / 5,000)^0.5 = 2
    }

    [Fact]
    public void Income_in_hand_counts_pensions_and_dibao_per_member_above_the_floor()
    {
        var household = TestWorld.Household(Region.West, 2_000, new MemberState(), new MemberState());
        var record = new HouseholdYearRecord { MinimumPensionFen = Money.FromYuan(1_200), DibaoFen = Money.FromYuan(800) };
        Assert.Equal(3_000, MarketRules.IncomeInHandPerCapitaYuan(household, record, 1_000), 9);
        Assert.Equal(1_000, MarketRules.IncomeInHandPerCapitaYuan(TestWorld.Household(Region.West, 100, new MemberState()), new HouseholdYearRecord(), 1_000), 9);
    }

    [Fact]
    public void A_richer_member_is_more_likely_to_start_a_supplementary_pension()
    {
        var pension = new ProductParameters { Id = "pen", Kind = ProductKind.SupplementaryPension, PremiumYuan = 1000, LaunchYear = 2018 };
        var (p, context) = Market(pension);
        double Starting(double incomeYuan)
        {
            int starters = 0;
            for (int id = 0; id < 4000; id++)
            {
                var household = new HouseholdState
                {
                    Id = id, Region = Region.West, County = 0, Members = [new MemberState { BirthYear = 1980 }],
                    MarketIncomeFen = Money.FromYuan(incomeYuan), Awareness = 0.6, InsurerTrust = 0.5,
                };
                var record = new HouseholdYearRecord();
                MarketRules.StepPension(ref household.Members[0], 41, household, context, MarketLedger.For(p.Market), ref record);
                if (household.Members[0].PensionProduct >= 0) starters++;
            }
            return starters / 4000.0;
        }
        double poor = Starting(3_000), rich = Starting(30_000);
        Assert.True(rich > 2 * poor && rich > 0, $"rich {rich:P2}, poor {poor:P2}");
    }

    [Fact]
    public void A_supplementary_pension_grows_at_its_guaranteed_rate_and_pays_an_annuity_from_60()
    {
        var pension = new ProductParameters { Id = "pen", Kind = ProductKind.SupplementaryPension, ContributionYuan = 1000, GuaranteedRate = 0.03, AnnuityDivisor = 100, LaunchYear = 2018 };
        var (p, context) = Market(pension with { PremiumYuan = 1000 });
        p = p with { Market = p.Market with { Choice = p.Market.Choice with { PensionPersistence = 1 } } };
        context = context with { National = context.National with { Parameters = p } };
        var household = TestWorld.Household(Region.West, 20_000, new MemberState { BirthYear = 1970, PensionProduct = 0, PensionContributing = true, PensionProductAccountFen = 10_000_00 });
        var ledger = MarketLedger.For(p.Market);
        var record = new HouseholdYearRecord();
        MarketRules.StepPension(ref household.Members[0], 51, household, context, ledger, ref record);
        Assert.Equal(Money.Scale(10_000_00, 1.03) + 1000_00, household.Members[0].PensionProductAccountFen);
        Assert.Equal(1, record.SupplementaryPensionContributors);

        var retiree = TestWorld.Household(Region.West, 20_000, new MemberState { BirthYear = 1960, PensionProduct = 0, PensionProductAccountFen = 10_000_00 });
        var retired = new HouseholdYearRecord();
        MarketRules.StepPension(ref retiree.Members[0], 61, retiree, context, MarketLedger.For(p.Market), ref retired);
        long annuity = Money.DivideRounded(Money.Scale(10_000_00, 1.03), 100);
        Assert.Equal(annuity, retiree.Members[0].PensionProductAnnuityFen);
        Assert.Equal(12 * annuity, retired.SupplementaryPayoutFen);
    }

    [Fact]
    public void When_the_insurer_fails_its_pension_accounts_are_paid_out()
    {
        var pension = new ProductParameters { Id = "pen", Kind = ProductKind.SupplementaryPension, PremiumYuan = 1000 };
        var (p, context) = Market(pension);
        context = context with { National = context.National with { Market = new MarketOffers([new InsurerOffer { Insurer = 0, Solvent = false, Counties = [], Products = [] }]) } };
        var household = TestWorld.Household(Region.West, 20_000, new MemberState { BirthYear = 1970, PensionProduct = 0, PensionProductAccountFen = 5_000_00 });
        var ledger = MarketLedger.For(p.Market);
        var record = new HouseholdYearRecord();
        MarketRules.StepPension(ref household.Members[0], 51, household, context, ledger, ref record);
        Assert.Equal(5_000_00, record.SupplementaryPayoutFen);
        Assert.Equal(-1, household.Members[0].PensionProduct);
        Assert.Equal(5_000_00, Assert.Single(ledger.ToArray()!).SurrenderFen);
    }

    [Fact]
    public void A_new_member_holds_no_product() =>
        Assert.Equal((-1, -1), (new MemberState().TopUpProduct, new MemberState().PensionProduct));
}
