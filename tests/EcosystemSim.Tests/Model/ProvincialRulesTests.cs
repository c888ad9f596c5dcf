using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

/// <summary>The surplus rule of a county's budget and the provinces' cover of shortfalls (<see cref="ProvincialRules"/>).</summary>
public class ProvincialRulesTests
{
    /// <summary>Local government parameters under which a county has no revenue, transfer, publicity, administration or diversion: its budget is what a test gives it.</summary>
    private static LocalGovernmentParameters Quiet(double cover = 0.9, double handUp = 0.5, double cap = 0.5) => new()
    {
        FiscalCapacity = RegionValues<double>.Uniform(0),
        EqualisationPerCapitaYuan = RegionValues<double>.Uniform(0),
        PublicityPerCapitaYuan = RegionValues<double>.Uniform(0),
        AdministrationPerCapitaYuan = 0,
        MisappropriationShare = 0,
        DeficitCoverShare = cover,
        SurplusHandUpShare = handUp,
        ReserveCapYears = cap,
    };

    /// <summary>One household paid a top-up of 1,000 yuan: the county's only spending of the year.</summary>
    private static readonly HouseholdYearRecord TopUpOnly = new() { Members = 1, TopUpFen = 1_000_00 };

    /// <summary>A county's year (2022) when its province published the given pool and claims for the year.</summary>
    private static (YearContext Context, CountyLedger Ledger, CountyState Next) Year(LocalGovernmentParameters lg, CountyState state, long poolFen = 0, long claimsFen = 0)
    {
        var p = new ModelParameters { LocalGovernment = lg };
        var central = new CentralState { ProvincialPoolFen = RegionValues<long>.Uniform(poolFen), ProvincialClaimsFen = RegionValues<long>.Uniform(claimsFen) };
        var (national, _) = CentralFundRules.OpenYear(p, central, 2022);
        var county = TestWorld.County();
        var context = LocalGovernmentRules.OpenYear(1, county, state with { MedicalFundFen = 1_000_000_00 }, national);
        var (ledger, next) = LocalGovernmentRules.CloseYear(1, county, state with { MedicalFundFen = 1_000_000_00 }, context, [TopUpOnly]);
        return (context, ledger, next);
    }

    private static CountyState State(LocalGovernmentParameters lg, long reserveFen, long discretionaryFen = 1_000_00) =>
        TestWorld.CountyState(new ModelParameters { LocalGovernment = lg }) with { ReserveFen = reserveFen, LastDiscretionaryFen = discretionaryFen };

    [Fact]
    public void A_county_above_the_cap_keeps_the_cap_hands_a_share_up_and_spends_the_rest_elsewhere()
    {
        var lg = Quiet(handUp: 0.4, cap: 0.5);
        var (_, ledger, next) = Year(lg, State(lg, 10_000_00));
        // 10,000 less the year's 1,000 of top-ups leaves 9,000; the cap is half a year of the 1,000 spent.
        Assert.Equal(1_000_00, ledger.LocalSpendingFen);
        Assert.Equal(500_00, ledger.ReserveFen);
        Assert.Equal(500_00, next.ReserveFen);
        Assert.Equal(3_400_00, ledger.SurplusHandedUpFen); // 40% of the 8,500 above the cap
        Assert.Equal(5_100_00, ledger.SurplusReleasedFen);
        // Nothing is lost: what the county keeps and returns is what it had less what it spent.
        Assert.Equal(10_000_00 - 1_000_00, ledger.ReserveFen + ledger.SurplusHandedUpFen + ledger.SurplusReleasedFen);
    }

    [Fact]
    public void A_county_within_the_cap_keeps_its_reserve()
    {
        var lg = Quiet(cap: 5);
        var (_, ledger, _) = Year(lg, State(lg, 3_000_00));
        Assert.Equal(2_000_00, ledger.ReserveFen);
        Assert.Equal(0, ledger.SurplusHandedUpFen + ledger.SurplusReleasedFen);
        Assert.Equal(new ProvincialRules.Surplus(2_000_00, 0, 0), ProvincialRules.ApplyCap(lg, 2_000_00, 400_00 + 1));
    }

    [Fact]
    public void A_short_county_is_covered_before_it_sets_its_benefits_so_it_does_not_cut()
    {
        // Last year left the county 800 yuan in debt, 0.8 years of its discretionary benefits: beyond the tolerance.
        Assert.Equal(800_00, ProvincialRules.ShortfallFen(-800_00));
        Assert.Equal(0, ProvincialRules.ShortfallFen(5_00));
        var local = Quiet(cover: 0);
        var (uncovered, _, _) = Year(local, State(local, -800_00), poolFen: 0, claimsFen: 800_00);
        Assert.True(uncovered.Local.BenefitCut, "pure local financing: the county cuts");

        var pooled = Quiet(cover: 0);
        var (fromPool, ledger, _) = Year(pooled, State(pooled, -800_00), poolFen: 2_000_00, claimsFen: 800_00);
        Assert.False(fromPool.Local.BenefitCut, "the province's pool pays the claim in full");
        Assert.Equal(800_00, ledger.ShortfallCoverFen);
        Assert.Equal(800_00, ledger.PooledCoverFen);
        Assert.Equal(0, ledger.EqualisationFen); // the pool's money is other counties', not higher levels'
        Assert.Equal(-1_000_00, ledger.ReserveFen); // the debt cleared, then this year's 1,000 of top-ups: next year's claim

        var above = Quiet(cover: 0.9);
        var (fromAbove, aboveLedger, _) = Year(above, State(above, -800_00), poolFen: 0, claimsFen: 800_00);
        Assert.False(fromAbove.Local.BenefitCut, "higher levels cover 90%: 80 yuan of debt is within the tolerance");
        Assert.Equal(720_00, aboveLedger.ShortfallCoverFen);
        Assert.Equal(720_00, aboveLedger.EqualisationFen); // higher levels' cover counts as an equalisation transfer
        Assert.Equal(0, aboveLedger.PooledCoverFen);
        Assert.Equal(-80_00 - 1_000_00, aboveLedger.ReserveFen); // the tenth not covered is carried into the next claim
    }

    [Fact]
    public void A_pool_short_of_the_claims_pays_each_the_same_share_rounded_down_and_higher_levels_a_share_of_the_rest()
    {
        var lg = Quiet(cover: 0.5);
        Assert.Equal(new ProvincialRules.Cover(75_00, 112_50), ProvincialRules.CoverOf(lg, 300_00, 100_00, 400_00));
        Assert.Equal(new ProvincialRules.Cover(33, 34), ProvincialRules.CoverOf(lg, 100, 1, 3)); // 33.3 fen from the pool, rounded down
        Assert.Equal(new ProvincialRules.Cover(300_00, 0), ProvincialRules.CoverOf(lg, 300_00, 500_00, 400_00));
        Assert.Equal(default, ProvincialRules.CoverOf(lg, 0, 500_00, 400_00));
    }

    [Fact]
    public void What_the_provinces_pay_from_their_pools_is_what_counties_receive_and_the_rest_is_released()
    {
        var lg = Quiet(cover: 0.9);
        var random = new System.Random(16);
        for (int trial = 0; trial < 50; trial++)
        {
            var claims = Enumerable.Range(0, 40).Select(i => (Region: Regions.All[i % 4], Claim: random.Next(3) == 0 ? 0L : random.NextInt64(1, 10_000_000_00))).ToArray();
            var pools = Regions.All.Select(_ => random.Next(4) == 0 ? 0L : random.NextInt64(0, 200_000_000_00)).ToArray();
            long ClaimsOf(Region r) => claims.Where(c => c.Region == r).Sum(c => c.Claim);
            var state = new CentralState
            {
                ProvincialPoolFen = new(pools[0], pools[1], pools[2], pools[3]),
                ProvincialClaimsFen = new(ClaimsOf(Region.East), ClaimsOf(Region.Central), ClaimsOf(Region.West), ClaimsOf(Region.Northeast)),
            };
            var ledgers = claims.Select((c, i) => new CountyLedger
            {
                CountyId = i,
                Region = c.Region,
                PooledCoverFen = ProvincialRules.CoverOf(lg, c.Claim, state.ProvincialPoolFen[c.Region], state.ProvincialClaimsFen[c.Region]).FromPoolFen,
            }).ToArray();
            foreach (var r in Regions.All)
            {
                long paid = ledgers.Where(l => l.Region == r).Sum(l => l.PooledCoverFen);
                Assert.InRange(paid, 0, state.ProvincialPoolFen[r]); // no province pays out more than its pool holds
                Assert.True(paid == Math.Min(state.ProvincialPoolFen[r], state.ProvincialClaimsFen[r]) || paid >= state.ProvincialPoolFen[r] - 10,
                    $"trial {trial}, {r}: a pool short of the claims pays nearly all it holds ({paid} of {state.ProvincialPoolFen[r]})");
            }
            var (_, _, released) = ProvincialRules.Settle(state, ledgers);
            Assert.Equal(pools.Sum(), released + ledgers.Sum(l => l.PooledCoverFen));
        }
    }

    [Fact]
    public void The_provinces_pool_the_surplus_their_counties_hand_up_and_collect_their_debts_as_claims()
    {
        CountyLedger Ledger(int id, Region region, long handedUp, long debt) =>
            new() { CountyId = id, Region = region, SurplusHandedUpFen = handedUp, ReserveFen = -debt };
        var ledgers = new[] { Ledger(0, Region.East, 500, 0), Ledger(1, Region.East, 0, 200), Ledger(2, Region.West, 0, 300), Ledger(3, Region.East, 100, 0) };
        var (pool, claims, released) = ProvincialRules.Settle(new CentralState(), ledgers);
        Assert.Equal(new RegionValues<long>(600, 0, 0, 0), pool);
        Assert.Equal(new RegionValues<long>(200, 0, 300, 0), claims);
        Assert.Equal(0, released);
    }
}
