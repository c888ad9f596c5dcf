using EcosystemSim.Model;
using EcosystemSim.Model.Demography;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Health;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

/// <summary>
/// The per-year and per-county tables the household step reads (issue 18) must give exactly what the rules'
/// own functions give: the tables change speed, never a result.
/// </summary>
public class CountyTermsTests
{
    [Fact]
    public void Age_rates_are_the_rules_own_values_bit_for_bit_inside_and_beyond_the_table()
    {
        var p = new ModelParameters();
        var rates = AgeRates.For(p, 2033);
        for (int age = 0; age <= p.Population.MaxAge + 40; age++)
        {
            Assert.Equal(DemographyRules.DeathProbability(p.Demography, age, 2033), rates.Death(age));
            Assert.Equal(HealthRules.OnsetProbability(p.Health, age), rates.Onset(age));
            foreach (bool chronic in new[] { false, true })
            {
                double rate = HealthRules.AdmissionRate(p.Health, age, chronic);
                Assert.Equal(rate, rates.AdmissionRate(age, chronic));
                Assert.Equal(Math.Exp(-rate), rates.NoAdmission(age, chronic));
            }
        }
        Assert.Same(rates, AgeRates.For(p, 2033));
        Assert.NotSame(rates, AgeRates.For(p, 2034));
        Assert.NotEqual(rates.Death(70), AgeRates.For(p, 2050).Death(70)); // mortality improves: the year matters
    }

    [Fact]
    public void A_poisson_count_from_a_precomputed_chance_of_none_is_the_same_count()
    {
        for (int i = 0; i < 1000; i++)
        {
            double rate = 0.05 + i * 0.003, u = (i * 0.6180339887) % 1;
            Assert.Equal(HealthRules.PoissonCount(rate, u, 6), HealthRules.PoissonCount(rate, Math.Exp(-rate), u, 6));
        }
    }

    [Fact]
    public void County_terms_are_the_rules_own_values()
    {
        var p = new ModelParameters
        {
            Market = new MarketParameters
            {
                Insurers = [new InsurerParameters { Id = "i" }],
                Products =
                [
                    new ProductParameters { Id = "top", Insurer = "i", Kind = ProductKind.MedicalTopUp, DeductibleYuan = 3000, PremiumYuan = 90 },
                    new ProductParameters { Id = "pen", Insurer = "i", Kind = ProductKind.SupplementaryPension, PremiumYuan = 1000 },
                ],
            },
        };
        var offers = new[]
        {
            new CountyOffer(0, 0, ProductKind.MedicalTopUp, [9000, 9000, 9000]),
            new CountyOffer(1, 0, ProductKind.SupplementaryPension, [100000, 100000, 100000]),
        };
        var context = TestWorld.Context(2030, p, local: l => l with { Offers = offers, ReimbursementRatio = 0.62 });
        var terms = context.Terms;
        var top = p.Market.Products[0];
        foreach (bool covered in new[] { false, true })
        {
            double outOfPocket = covered ? 1 - p.Medical.CatalogueShare * 0.62 : 1;
            Assert.Equal(MarketMath.ExpectedExcess(context.National.AdmissionCostYuan, p.Health.CostLogSd, outOfPocket,
                top.DeductibleIn(2030, p.Health.CostGrowth)), terms.Excess(0, covered));
            Assert.Equal(0, terms.Excess(1, covered)); // not a medical top-up
        }
        for (int k = 0; k < p.Pension.TiersYuan.Length; k++)
        {
            Assert.Equal(Math.Log(p.Pension.TiersYuan[k] + Money.ToYuan(context.Local.SubsidyByTierFen[k])), terms.TierLogValues[k]);
        }
        Assert.Equal(p.Medical.EmployeeReimbursementRatio, terms.EmployeeRules.ReimbursementRatio);
        Assert.Equal(context.Local with { ReimbursementRatio = p.Medical.EmployeeReimbursementRatio }, terms.EmployeeRules);
    }

    [Fact]
    public void Terms_follow_the_context_they_are_read_from()
    {
        var context = TestWorld.Context(2030);
        var terms = context.Terms;
        Assert.Same(terms, context.Terms);
        var changed = context with { Local = context.Local with { ReimbursementRatio = 0.3 } };
        Assert.NotSame(terms, changed.Terms);
        Assert.Equal(changed.Local with { ReimbursementRatio = context.Parameters.Medical.EmployeeReimbursementRatio }, changed.Terms.EmployeeRules);
        Assert.Same(terms, context.Terms); // the original keeps its own
        // Derived data is not part of a context's identity.
        var twin = new YearContext(context.Year, context.Seed, context.National, context.Local, context.Peers); // terms not yet computed
        Assert.Equal(context, twin);
        Assert.Equal(context.GetHashCode(), twin.GetHashCode());
        Assert.NotEqual(context, changed);
    }

    [Fact]
    public void The_tier_choice_from_precomputed_log_values_is_the_same_choice()
    {
        var p = new ModelParameters();
        var context = TestWorld.Context(2025);
        for (int i = 0; i < 500; i++)
        {
            var rng = new EcosystemSim.Model.Random.Rng(3, (ulong)i, 2025, EcosystemSim.Model.Random.RngStream.PensionTier);
            double income = 2000 + 97.0 * i;
            Assert.Equal(PensionChoice(p, context.Local.SubsidyByTierFen, income, rng),
                EcosystemSim.Model.Pension.PensionRules.ChooseTier(p.Pension, context.Terms.TierLogValues, income, rng));
        }
    }

    private static int PensionChoice(ModelParameters p, long[] subsidies, double income, EcosystemSim.Model.Random.Rng rng) =>
        EcosystemSim.Model.Pension.PensionRules.ChooseTier(p.Pension, subsidies, income, rng);
}
