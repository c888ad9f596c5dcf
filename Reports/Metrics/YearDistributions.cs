using EcosystemSim.Model;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Welfare;

namespace EcosystemSim.Reports.Metrics;

/// <summary>Counts summed by income quintile.</summary>
public enum QuintileCount
{
    Persons,
    PensionEligible,
    PensionContributors,
    MedicalEnrolled,
    MedicalTopUpHolders,
}

/// <summary>
/// A year's income distributions over persons, built once and shared by every metric: households'
/// disposable and market incomes per equivalent adult (per capita unless the scenario's
/// welfare.equivalence_scale says otherwise), bottom-coded, each household weighted by its members
/// and grouped by region. Regional distributions are subsets of the national one (sorted once).
/// </summary>
public sealed class YearDistributions
{
    /// <summary>Incomes below this are raised to it for inequality and poverty measures (OUTPUTS.md: bottom-coded at 1 yuan).</summary>
    public const double BottomCodeYuan = 1;

    private readonly Dictionary<(Region, bool), IncomeDistribution> _regional = [];
    private readonly IReadOnlyList<HouseholdYearRecord[]> _households;

    public YearDistributions(IReadOnlyList<HouseholdYearRecord> households, EquivalenceScale scale = EquivalenceScale.PerCapita)
        : this(RecordChunks.Of(households), scale)
    {
    }

    /// <summary>From the year's records as arrays in household id order (<see cref="YearRecords.HouseholdChunks"/>), read in place.</summary>
    public YearDistributions(IReadOnlyList<HouseholdYearRecord[]> households, EquivalenceScale scale = EquivalenceScale.PerCapita)
    {
        _households = households;
        Scale = scale;
        int count = households.Sum(c => c.Length);
        var disposable = new List<(double, double, int)>(count);
        var market = new List<(double, double, int)>(count);
        var counts = new List<int>(count * Counts);
        foreach (var chunk in households)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                if (r.Members == 0) continue;
                double size = EquivalenceScales.Size(scale, r.Members, r.AgedUnder14);
                disposable.Add((Equivalised(r.DisposableIncomeFen, size), r.Members, (int)r.Region));
                market.Add((Equivalised(r.MarketIncomeFen, size), r.Members, (int)r.Region));
                counts.Add(r.Members);
                counts.Add(r.PensionEligible);
                counts.Add(r.PensionContributors);
                counts.Add(r.MedicalEnrolled);
                counts.Add(r.SupplementaryMedicalHolders);
            }
        }
        Disposable = new IncomeDistribution(disposable);
        Market = new IncomeDistribution(market);
        _counts = [.. counts];
    }

    private const int Counts = 5;

    /// <summary>The <see cref="QuintileCount"/>s of each observation, <see cref="Counts"/> per observation in input order.</summary>
    private readonly int[] _counts;
    private readonly Dictionary<int, double[,]> _quintiles = [];

    /// <summary>
    /// Sums of a count (persons, pension eligible, contributors, enrolled, top-up holders) over the
    /// households of each person-weighted quintile of per-capita disposable income in a scope
    /// (quintile 1 poorest). A household belongs to the quintile that holds the midpoint of its
    /// persons; ties in household order.
    /// </summary>
    public double QuintileSum(Region? region, int quintile, QuintileCount count)
    {
        int scope = region is { } r ? (int)r : -1;
        if (!_quintiles.TryGetValue(scope, out var sums))
        {
            var d = For(region, market: false);
            var weights = d.SortedWeights;
            var positions = d.SortedInputPositions;
            sums = new double[5, 5];
            double total = d.TotalWeight, below = 0;
            for (int k = 0; k < d.Count; k++)
            {
                int q = Tile(below, weights[k], total, 5);
                below += weights[k];
                int at = positions[k] * Counts;
                for (int f = 0; f < Counts; f++) sums[q, f] += _counts[at + f];
            }
            _quintiles[scope] = sums;
        }
        return sums[quintile - 1, (int)count];
    }

    /// <summary>
    /// The tile (0 = poorest of <paramref name="tiles"/>) of an observation of weight <paramref name="weight"/>
    /// with <paramref name="below"/> of <paramref name="total"/> weight before it: the one that holds the midpoint of its weight.
    /// </summary>
    private static int Tile(double below, double weight, double total, int tiles) => Math.Min(tiles - 1, (int)((below + weight / 2) / total * tiles));

    /// <summary>The scale that shares each household's income among its members.</summary>
    public EquivalenceScale Scale { get; }

    /// <summary>A household's income per equivalent adult as the distributions use it: bottom-coded.</summary>
    public static double Equivalised(long fen, double equivalentSize) => Math.Max(BottomCodeYuan, Money.ToYuan(fen) / equivalentSize);

    /// <summary>Per-capita disposable income over persons, nationally.</summary>
    public IncomeDistribution Disposable { get; }

    /// <summary>Per-capita market income over persons, nationally.</summary>
    public IncomeDistribution Market { get; }

    /// <summary>
    /// Per-capita income over the persons of a breakdown: each household with members in the group,
    /// weighted by those members; the national distribution reweighted, not sorted again.
    /// </summary>
    public IncomeDistribution ForGroup(PersonGroup group, bool market) =>
        Breakdown(group).Distributions[market ? 1 : 0] ??= (market ? Market : Disposable).Reweighted(GroupMembers(group));

    /// <summary>
    /// Each household's members in a breakdown, by position among the households with members (the
    /// national distribution's input positions), computed once per year and group.
    /// </summary>
    public int[] GroupMembers(PersonGroup group)
    {
        var breakdown = Breakdown(group);
        if (breakdown.Members is not { } members)
        {
            members = new int[Disposable.Count];
            int at = 0;
            foreach (var chunk in _households)
            {
                foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
                {
                    if (r.Members > 0) members[at++] = group.Members(r);
                }
            }
            breakdown.Members = members;
        }
        return members;
    }

    /// <summary>
    /// What is kept of the breakdown asked for last, and only of it: the metrics go breakdown by
    /// breakdown, and keeping every breakdown's members and two reweighted distributions to the end
    /// of the year would hold some 0.3 GB at a million households. A breakdown asked for again is
    /// computed again, to the same bits.
    /// </summary>
    private BreakdownCache Breakdown(PersonGroup group)
    {
        if (_breakdown?.Name != group.Name) _breakdown = new BreakdownCache(group.Name);
        return _breakdown;
    }

    private BreakdownCache? _breakdown;

    private sealed class BreakdownCache(string name)
    {
        public string Name { get; } = name;

        public int[]? Members { get; set; }

        /// <summary>Disposable, then market income.</summary>
        public IncomeDistribution?[] Distributions { get; } = new IncomeDistribution?[2];
    }

    private readonly Dictionary<int, int[]> _tiles = [];

    /// <summary>
    /// Each household's decile (1 poorest to 10) by per-capita disposable income over persons, by
    /// position among the households with members: the tenth that holds the midpoint of its persons,
    /// ties in household order (as the quintiles).
    /// </summary>
    public int[] Deciles() => Tiles(10);

    /// <summary>Each household's national fifth (1 poorest to 5), by position among the households with members, as <see cref="QuintileSum"/> counts them.</summary>
    public int[] Quintiles() => Tiles(5);

    private int[] Tiles(int n)
    {
        if (!_tiles.TryGetValue(n, out var tiles))
        {
            var weights = Disposable.SortedWeights;
            var positions = Disposable.SortedInputPositions;
            double total = Disposable.TotalWeight, below = 0;
            tiles = new int[weights.Length];
            for (int k = 0; k < weights.Length; k++)
            {
                tiles[positions[k]] = 1 + Tile(below, weights[k], total, n);
                below += weights[k];
            }
            _tiles[n] = tiles;
        }
        return tiles;
    }

    /// <summary>A distribution for a scope: national (null) or one region.</summary>
    public IncomeDistribution For(Region? region, bool market)
    {
        if (region is not { } r) return market ? Market : Disposable;
        if (!_regional.TryGetValue((r, market), out var d))
        {
            d = (market ? Market : Disposable).Subset((int)r);
            _regional[(r, market)] = d;
        }
        return d;
    }
}
