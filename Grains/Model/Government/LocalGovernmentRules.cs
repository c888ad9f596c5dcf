using EcosystemSim.Model.Households;
using EcosystemSim.Model.Income;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Pension;
using EcosystemSim.Model.World;

namespace EcosystemSim.Model.Government;

/// <summary>A local government's year: set local policy, then settle the county's accounts from its households' records.</summary>
public static class LocalGovernmentRules
{
    /// <summary>
    /// Local policy for a year: the pension top-up grows with the region's income (times the
    /// county's own factor); subsidies follow the schedule times the regional multiplier, never
    /// below the legal floors.
    /// </summary>
    public static LocalPolicy SetPolicy(ModelParameters p, CountySpec county, int year)
    {
        var region = county.Region;
        double regionalMean = IncomeRules.RegionalMeanYuan(p.Income, region, year);
        double incomeIndex = regionalMean / p.Income.MeanPerCapitaYuan[region];
        var pension = p.Pension;
        double topUpYuan = pension.TopUpMonthlyYuan[region] * county.TopUpFactor *
                           Math.Pow(incomeIndex, pension.TopUpIncomeElasticity);
        var subsidies = new long[pension.TiersYuan.Length];
        for (int k = 0; k < subsidies.Length; k++)
        {
            subsidies[k] = PensionRules.SubsidyFen(pension.TiersYuan[k], pension.SubsidyByTierYuan[k],
                pension.SubsidyMultiplier[region], pension);
        }
        return new LocalPolicy(county.Id, Money.FromYuan(topUpYuan), subsidies, regionalMean * county.IncomeFactor);
    }

    /// <summary>What households see in the first year: the peer rate from the history participation chance.</summary>
    public static CountyPeers InitialPeers(ModelParameters p) => new(p.Pension.HistoryParticipation);

    /// <summary>The context every household of the county sees this year.</summary>
    public static YearContext OpenYear(ModelParameters p, ulong seed, CountySpec county, NationalPolicy national, CountyPeers peers) =>
        new(national.Year, seed, p, national, SetPolicy(p, county, national.Year), peers);

    /// <summary>
    /// Settles the county's pension accounts from its households' records and works out the
    /// aggregates households will see next year.
    /// </summary>
    public static (CountyLedger Ledger, CountyPeers NextPeers) CloseYear(
        CountySpec county, YearContext ctx, ReadOnlySpan<HouseholdYearRecord> records)
    {
        long contributions = 0, subsidies = 0, minimum = 0, topUp = 0, annuity = 0, fromAccounts = 0, balance = 0;
        long eligible = 0, contributors = 0;
        foreach (ref readonly var r in records)
        {
            contributions += r.ContributionFen;
            subsidies += r.SubsidyFen;
            minimum += r.MinimumPensionFen;
            topUp += r.TopUpFen;
            annuity += r.AnnuityFen;
            fromAccounts += r.AnnuityFromAccountFen;
            balance += r.AccountBalanceFen;
            eligible += r.PensionEligible;
            contributors += r.PensionContributors;
        }
        long central = PensionRules.CentralShareFen(minimum, ctx.National.CentralShareOfMinimum[county.Region]);
        var ledger = new CountyLedger
        {
            CountyId = county.Id,
            Region = county.Region,
            Year = ctx.Year,
            ContributionsFen = contributions,
            SubsidiesFen = subsidies,
            CentralMinimumPensionFen = central,
            LocalMinimumPensionFen = minimum - central,
            TopUpFen = topUp,
            AnnuityFromAccountsFen = fromAccounts,
            AnnuityFromLocalFen = annuity - fromAccounts,
            AccountBalanceFen = balance,
        };
        double rate = eligible == 0 ? ctx.Peers.PensionContributionRate : contributors / (double)eligible;
        return (ledger, new CountyPeers(rate));
    }
}
