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

    private readonly IReadOnlyList<HouseholdYearRecord[]> _households;
    private readonly MetricMemory _memory;
    private readonly int _count;
    private bool _released;

    public YearDistributions(IReadOnlyList<HouseholdYearRecord> households, EquivalenceScale scale = EquivalenceScale.PerCapita)
        : this(RecordChunks.Of(households), scale)
    {
    }

    /// <summary>
    /// From the year's records as arrays in household id order (<see cref="YearRecords.HouseholdChunks"/>),
    /// read in place; built in <paramref name="memory"/> when given (held until <see cref="Release"/>),
    /// in new arrays otherwise.
    /// </summary>
    public YearDistributions(IReadOnlyList<HouseholdYearRecord[]> households, EquivalenceScale scale = EquivalenceScale.PerCapita, MetricMemory? memory = null)
    {
        _households = households;
        Scale = scale;
        _memory = memory ?? MetricMemory.Fresh();
        _memory.Acquire(this);
        foreach (var chunk in households)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                if (r.Members > 0) _count++;
            }
        }
        // Each household with members in input order: its income (in the sort's keys), persons, region and counts.
        var keys = _memory.Array<IncomeDistribution.SortKey>("sort keys", _count);
        var persons = _memory.Array<int>("persons", _count);
        var regions = _memory.Array<int>("regions", _count);
        _counts = _memory.Array<int>("counts", _count * Counts);
        int at = 0;
        foreach (var chunk in households)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                if (r.Members == 0) continue;
                keys[at] = new(Equivalised(r.DisposableIncomeFen, EquivalenceScales.Size(scale, r.Members, r.AgedUnder14)), at);
                (persons[at], regions[at]) = (r.Members, (int)r.Region);
                var counts = _counts.AsSpan(at * Counts, Counts);
                (counts[0], counts[1], counts[2], counts[3], counts[4]) = (r.Members, r.PensionEligible, r.PensionContributors, r.MedicalEnrolled, r.SupplementaryMedicalHolders);
                at++;
            }
        }
        Disposable = IncomeDistribution.Build(keys, _count, persons, regions, _memory.Storage("national disposable"));
        at = 0;
        foreach (var chunk in households)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                if (r.Members == 0) continue;
                keys[at] = new(Equivalised(r.MarketIncomeFen, EquivalenceScales.Size(scale, r.Members, r.AgedUnder14)), at);
                at++;
            }
        }
        Market = IncomeDistribution.Build(keys, _count, persons, regions, _memory.Storage("national market"));
    }

    /// <summary>
    /// Hands this year's memory on to a later year's distributions (<see cref="MetricMemory"/>): from
    /// now on every distribution, count and tile of this year throws when read.
    /// </summary>
    public void Release()
    {
        if (_released) return;
        _released = true;
        _memory.Release(this);
    }

    private void Live()
    {
        if (_released) throw new InvalidOperationException("this year's distributions have handed their memory on to a later year's");
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
        Live();
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
        Breakdown(group).Distributions[market ? 1 : 0] ??=
            (market ? Market : Disposable).Reweighted(GroupMembers(group), _memory.Storage(market ? "breakdown market" : "breakdown disposable"));

    /// <summary>
    /// Each household's members in a breakdown, by position among the households with members (the
    /// national distribution's input positions), computed once per year and group. Read it before
    /// asking for another breakdown: that one may be written into the same memory.
    /// </summary>
    public ReadOnlySpan<int> GroupMembers(PersonGroup group)
    {
        var breakdown = Breakdown(group);
        if (breakdown.Members is not { } members)
        {
            members = _memory.Array<int>("breakdown members", _count);
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
        return members.AsSpan(0, _count);
    }

    /// <summary>
    /// What is kept of the breakdown asked for last, and only of it: the metrics go breakdown by
    /// breakdown, and keeping every breakdown's members and two reweighted distributions to the end
    /// of the year would hold some 0.3 GB at a million households. A breakdown asked for again is
    /// computed again, to the same bits.
    /// </summary>
    private BreakdownCache Breakdown(PersonGroup group)
    {
        Live();
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
    public ReadOnlySpan<int> Deciles() => Tiles(10);

    /// <summary>Each household's national fifth (1 poorest to 5), by position among the households with members, as <see cref="QuintileSum"/> counts them.</summary>
    public ReadOnlySpan<int> Quintiles() => Tiles(5);

    private ReadOnlySpan<int> Tiles(int n)
    {
        Live();
        if (!_tiles.TryGetValue(n, out var tiles))
        {
            var weights = Disposable.SortedWeights;
            var positions = Disposable.SortedInputPositions;
            double total = Disposable.TotalWeight, below = 0;
            tiles = _memory.Array<int>($"tiles of {n}", _count);
            for (int k = 0; k < weights.Length; k++)
            {
                tiles[positions[k]] = 1 + Tile(below, weights[k], total, n);
                below += weights[k];
            }
            _tiles[n] = tiles;
        }
        return tiles.AsSpan(0, _count);
    }

    /// <summary>
    /// A distribution for a scope: national (null) or one region. Only the region asked for last is
    /// kept (the metrics go region by region; the four would hold some 80 MB at a million
    /// households); a region asked for again is taken out of the national distribution again, to the
    /// same bits, and in reused memory (<see cref="MetricMemory"/>) the one taken before can no
    /// longer be read.
    /// </summary>
    public IncomeDistribution For(Region? region, bool market)
    {
        Live();
        if (region is not { } r) return market ? Market : Disposable;
        if (_region != r)
        {
            _region = r;
            _regionDistributions[0] = _regionDistributions[1] = null;
        }
        return _regionDistributions[market ? 1 : 0] ??= (market ? Market : Disposable).Subset((int)r, _memory.Storage(market ? "regional market" : "regional disposable"));
    }

    private Region? _region;

    /// <summary>Disposable, then market income, of <see cref="_region"/>.</summary>
    private readonly IncomeDistribution?[] _regionDistributions = new IncomeDistribution?[2];
}
