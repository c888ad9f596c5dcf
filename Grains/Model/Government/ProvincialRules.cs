using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Government;

/// <summary>
/// The provinces (one per region, standing in for the provinces of the region): the surplus rule of
/// a county's social security budget and the equalisation of shortfalls between the counties of a
/// province. At the close of a year a county keeps at most its reserve cap; of the excess it hands a
/// share up to its province's pool and spends the rest on other things. A county in debt at the close
/// claims its debt. The province pays each claim from the pool (in full when the pool suffices,
/// otherwise the same share of each) and higher levels' budgets cover a share of the rest;
/// the money reaches the county at the start of the next year, before it sets its benefits. What the
/// pool does not pay out the province spends on other things: the pool holds one year's surplus.
/// </summary>
public static class ProvincialRules
{
    /// <summary>A county's reserve at year end after the cap: what it keeps, hands up to its province, and spends on other things.</summary>
    public readonly record struct Surplus(long KeptFen, long HandedUpFen, long ReleasedFen)
    {
        /// <summary>What left the social security budget.</summary>
        public long ReturnedFen => HandedUpFen + ReleasedFen;
    }

    /// <summary>What a county receives at the start of a year for last year's shortfall: from its province's pool and from higher levels' budgets.</summary>
    public readonly record struct Cover(long FromPoolFen, long FromAboveFen)
    {
        public long TotalFen => FromPoolFen + FromAboveFen;
    }

    /// <summary>The most a county's social security budget keeps: the cap in years of its local spending of the year.</summary>
    public static long ReserveCapFen(LocalGovernmentParameters p, long localSpendingFen) =>
        Money.Scale(Math.Max(0, localSpendingFen), p.ReserveCapYears);

    /// <summary>The surplus rule: the reserve above the cap leaves the budget, a share handed up to the province, the rest to other spending.</summary>
    public static Surplus ApplyCap(LocalGovernmentParameters p, long reserveFen, long localSpendingFen)
    {
        long excess = Math.Max(0, reserveFen - ReserveCapFen(p, localSpendingFen));
        long handedUp = Money.Scale(excess, p.SurplusHandUpShare);
        return new Surplus(reserveFen - excess, handedUp, excess - handedUp);
    }

    /// <summary>
    /// A county's claim on its province: its debt at the close of the year, whether this year's deficit
    /// or what it still carried from earlier years (the part of last year's claim not covered).
    /// </summary>
    public static long ShortfallFen(long reserveFen) => Math.Max(0, -reserveFen);

    /// <summary>
    /// The cover of a county's claim: the pool pays the claim in full when it holds at least the
    /// province's claims, otherwise the claim times pool over claims, rounded down (so a pool never pays
    /// more than it holds); higher levels' budgets cover their share of what the pool does not pay.
    /// </summary>
    public static Cover CoverOf(LocalGovernmentParameters p, long claimFen, long poolFen, long claimsFen)
    {
        if (claimFen <= 0) return default;
        long fromPool = claimsFen <= 0 || poolFen <= 0 ? 0
            : poolFen >= claimsFen ? claimFen
            : (long)((Int128)claimFen * poolFen / claimsFen);
        return new Cover(fromPool, Money.Scale(claimFen - fromPool, p.DeficitCoverShare));
    }

    /// <summary>The cover a county receives this year for the shortfall it claimed last year, from what its province published.</summary>
    public static Cover CoverOf(NationalPolicy national, Region region, long claimFen) =>
        CoverOf(national.Parameters.LocalGovernment, claimFen, national.ProvincialPoolFen[region], national.ProvincialClaimsFen[region]);

    /// <summary>
    /// The provinces at the close of a year, from the county ledgers: what last year's pools did not
    /// pay out (the province spends it on other things), and each province's pool (the surplus its
    /// counties handed up this year) and claims (their shortfalls), which it pays next year.
    /// </summary>
    public static (RegionValues<long> Pool, RegionValues<long> Claims, long ReleasedFen) Settle(CentralState state, IReadOnlyCollection<CountyLedger> ledgers)
    {
        long Sum(Region r, Func<CountyLedger, long> amount) => ledgers.Where(l => l.Region == r).Sum(amount);
        long released = Regions.All.Sum(r => state.ProvincialPoolFen[r] - Sum(r, l => l.PooledCoverFen));
        RegionValues<long> ByRegion(Func<CountyLedger, long> amount) =>
            new(Sum(Region.East, amount), Sum(Region.Central, amount), Sum(Region.West, amount), Sum(Region.Northeast, amount));
        return (ByRegion(l => l.SurplusHandedUpFen), ByRegion(l => ShortfallFen(l.ReserveFen)), released);
    }
}
