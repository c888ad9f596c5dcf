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

    /// <summary>A county's state at the start, for a county of 1,000 persons.</summary>
    public static CountyState CountyState(ModelParameters p, Region region = Region.West, int year = 2021) =>
        LocalGovernmentRules.InitialState(p, County(region), year, 1000);

    /// <summary>The context a household in a one-county world sees; the local policy can be adjusted.</summary>
    public static YearContext Context(int year, ModelParameters? parameters = null, Region region = Region.West,
        double? topUpYuan = 0, double peerRate = 0.7, ulong seed = 1, Func<LocalPolicy, LocalPolicy>? local = null)
    {
        var p = parameters ?? new ModelParameters();
        var (national, _) = CentralFundRules.OpenYear(p, new CentralState(), year);
        var context = LocalGovernmentRules.OpenYear(seed, County(region), CountyState(p, region, year) with
        {
            Peers = new CountyPeers(peerRate, peerRate),
        }, national);
        var policy = context.Local;
        if (topUpYuan is { } topUp) policy = policy with { TopUpMonthlyFen = Money.FromYuan(topUp) };
        if (local is not null) policy = local(policy);
        return context with { Local = policy };
    }

    public static HouseholdState Household(Region region, double incomePerCapitaYuan, params MemberState[] members) => new()
    {
        Id = 1,
        Region = region,
        County = 0,
        Members = members,
        MarketIncomeFen = Money.FromYuan(incomePerCapitaYuan * members.Length),
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
