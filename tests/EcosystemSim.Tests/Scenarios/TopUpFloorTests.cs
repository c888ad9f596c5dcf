using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// The national floor under the county top-up (pension.top_up_floor_monthly_yuan, the lever of the
/// `standardisation` scenario's main reading): it lifts the counties below it, leaves the others alone,
/// and the centre pays its share of the raise only.
/// </summary>
public class TopUpFloorTests
{
    private static LocalPolicy Open(PensionParameters pension, Region region)
    {
        var p = new ModelParameters { Pension = pension };
        var (national, _) = CentralFundRules.OpenYear(p, new CentralState(), 2021);
        return LocalGovernmentRules.OpenYear(1, TestWorld.County(region), TestWorld.CountyState(p, region), national).Local;
    }

    [Fact]
    public void A_floor_lifts_a_county_below_it_and_leaves_one_above_it_alone()
    {
        var off = new PensionParameters();
        var west = Open(off, Region.West);
        var east = Open(off, Region.East);
        // A floor between the two counties' own top-ups (2021, the income base year: no growth yet).
        double floorYuan = (west.TopUpMonthlyFen + east.TopUpMonthlyFen) / 200.0;
        var on = off with { TopUpFloorMonthlyYuan = floorYuan };
        var westLifted = Open(on, Region.West);
        var eastKept = Open(on, Region.East);
        Assert.Equal(Money.FromYuan(floorYuan), westLifted.TopUpMonthlyFen);
        Assert.Equal((floorYuan * 100 - west.TopUpMonthlyFen) / (floorYuan * 100), westLifted.TopUpFloorRaiseShare, 6);
        Assert.Equal(east.TopUpMonthlyFen, eastKept.TopUpMonthlyFen);
        Assert.Equal(0, eastKept.TopUpFloorRaiseShare);
        Assert.Equal(0, west.TopUpFloorRaiseShare);
    }

    [Theory]
    [InlineData(0.0, 0.2, 0.9, 0.2)] // no raise: the share of the county's own top-up
    [InlineData(0.5, 0.0, 0.9, 0.45)] // half the top-up is the raise, 90% of it central
    [InlineData(0.25, 0.2, 0.8, 0.35)] // 0.75 * 0.2 + 0.25 * 0.8
    public void The_centre_pays_its_share_of_the_raise_and_its_share_of_the_rest(double raiseShare, double ownShare, double raiseCentral, double expected)
    {
        var pension = new PensionParameters
        {
            CentralShareOfTopUp = RegionValues<double>.Uniform(ownShare),
            CentralShareOfFloorRaise = RegionValues<double>.Uniform(raiseCentral),
        };
        Assert.Equal(expected, LocalGovernmentRules.CentralShareOfTopUp(pension, Region.West, raiseShare), 12);
    }
}
