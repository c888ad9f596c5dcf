using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;

namespace EcosystemSim.Tests.Support;

/// <summary>Small hand-built worlds for rule tests.</summary>
internal static class TestWorld
{
    public static CountySpec County(Region region = Region.West, int schemeStart = 2009) =>
        new(0, region, 0, 1, 1.0, 1.0, schemeStart);

    /// <summary>The context a household in a one-county world sees, with the top-up fixed.</summary>
    public static YearContext Context(int year, ModelParameters? parameters = null, Region region = Region.West,
        double topUpYuan = 0, double peerRate = 0.7, ulong seed = 1)
    {
        var p = parameters ?? new ModelParameters();
        var national = CentralFundRules.OpenYear(p, year);
        var local = LocalGovernmentRules.SetPolicy(p, County(region), year) with { TopUpMonthlyFen = Money.FromYuan(topUpYuan) };
        return new YearContext(year, seed, p, national, local, new CountyPeers(peerRate));
    }

    public static HouseholdState Household(Region region, double incomePerCapitaYuan, params MemberState[] members) => new()
    {
        Id = 1,
        Region = region,
        County = 0,
        Members = members,
        IncomePerCapitaFen = Money.FromYuan(incomePerCapitaYuan),
        Awareness = 0.7,
        Trust = 0.7,
    };

    /// <summary>Parameters under which every eligible member contributes, always at the lowest tier.</summary>
    public static ModelParameters AlwaysLowestTier(double interest) => new()
    {
        Pension = new PensionParameters
        {
            AccountInterestRate = interest,
            Participation = new ParticipationParameters { Intercept = 40 },
            TierChoice = new TierChoiceParameters { Taste = 0, Liquidity = 160, Precision = 100 },
        },
    };
}
