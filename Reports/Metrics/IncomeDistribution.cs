namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// A weighted income distribution and the inequality and poverty measures of OUTPUTS.md, computed
/// exactly (by sorting, no binning). Observations are kept in income order, ties in input order, so
/// every measure is a deterministic function of the input sequence. Incomes are used as given:
/// bottom-coding is the caller's decision (the metrics bottom-code at 1 yuan).
/// </summary>
public sealed class IncomeDistribution
{
    private readonly DistributionStorage _storage;
    private readonly int _lease;
    private readonly int _count;
    private readonly double[] _income;
    private readonly double[] _weight;
    private readonly int[] _group;
    private readonly int[] _tag;
    private readonly double[] _cumulativeWeight;
    private readonly double[] _cumulativeIncome;

    /// <summary>Builds the distribution from (income, weight, group) observations; weights must be positive.</summary>
    public IncomeDistribution(IReadOnlyList<(double Income, double Weight, int Group)> observations)
        : this(Sorted(observations), observations.Count)
    {
    }

    private static DistributionStorage Sorted(IReadOnlyList<(double Income, double Weight, int Group)> observations)
    {
        int n = observations.Count;
        var keys = new SortKey[n];
        for (int i = 0; i < n; i++)
        {
            var (income, weight, _) = observations[i];
            Check(i, income, weight);
            keys[i] = new SortKey(income, i);
        }
        // By income, ties in input order: the order, and every sum over it, is a function of the input alone.
        Array.Sort(keys);
        var storage = DistributionStorage.Exact(n);
        for (int k = 0; k < n; k++)
        {
            var o = observations[keys[k].Index];
            (storage.Income[k], storage.Weight[k], storage.Group[k], storage.Tag[k]) = (o.Income, o.Weight, o.Group, keys[k].Index);
        }
        return storage;
    }

    /// <summary>
    /// The distribution of the first <paramref name="count"/> observations of <paramref name="keys"/>
    /// (incomes and input positions, sorted here in place), with weights (whole persons) and groups
    /// by input position, built in <paramref name="storage"/>: as the public constructor builds it
    /// from the same observations, to the bit, without its copies.
    /// </summary>
    internal static IncomeDistribution Build(SortKey[] keys, int count, int[] weight, int[] group, DistributionStorage storage)
    {
        for (int i = 0; i < count; i++) Check(i, keys[i].Income, weight[i]);
        Array.Sort(keys, 0, count);
        storage.Reserve(count);
        for (int k = 0; k < count; k++)
        {
            int at = keys[k].Index;
            (storage.Income[k], storage.Weight[k], storage.Group[k], storage.Tag[k]) = (keys[k].Income, weight[at], group[at], at);
        }
        return new IncomeDistribution(storage, count);
    }

    private static void Check(int observation, double income, double weight)
    {
        if (!(weight > 0) || !double.IsFinite(weight)) throw new ArgumentException($"weight {weight} of observation {observation} is not positive");
        if (!double.IsFinite(income)) throw new ArgumentException($"income {income} of observation {observation} is not finite");
    }

    /// <summary>An observation's income and its position in the input: the sort order.</summary>
    internal readonly record struct SortKey(double Income, int Index) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other) => Income != other.Income ? Income.CompareTo(other.Income) : Index.CompareTo(other.Index);
    }

    /// <summary>
    /// Over the first <paramref name="count"/> observations held in <paramref name="storage"/> (in
    /// income order, reserved for this distribution): their cumulative sums are filled in here.
    /// </summary>
    private IncomeDistribution(DistributionStorage storage, int count)
    {
        _storage = storage;
        _lease = storage.Lease;
        _count = count;
        (_income, _weight, _group, _tag) = (storage.Income, storage.Weight, storage.Group, storage.Tag);
        (_cumulativeWeight, _cumulativeIncome) = (storage.CumulativeWeight, storage.CumulativeIncome);
        _cumulativeWeight[0] = 0;
        _cumulativeIncome[0] = 0;
        for (int k = 0; k < count; k++)
        {
            _cumulativeWeight[k + 1] = _cumulativeWeight[k] + _weight[k];
            _cumulativeIncome[k + 1] = _cumulativeIncome[k] + _weight[k] * _income[k];
        }
    }

    /// <summary>The observations of one group, in the same order (no new sort): the group's own distribution.</summary>
    public IncomeDistribution Subset(int group) => Subset(group, null);

    /// <summary>As <see cref="Subset(int)"/>, built in <paramref name="storage"/> (new arrays when null).</summary>
    internal IncomeDistribution Subset(int group, DistributionStorage? storage)
    {
        Live();
        int kept = 0;
        for (int k = 0; k < _count; k++)
        {
            if (_group[k] == group) kept++;
        }
        storage ??= DistributionStorage.Exact(kept);
        storage.Reserve(kept);
        for (int k = 0, at = 0; k < _count; k++)
        {
            if (_group[k] != group) continue;
            (storage.Income[at], storage.Weight[at], storage.Group[at], storage.Tag[at]) = (_income[k], _weight[k], group, _tag[k]);
            at++;
        }
        return new IncomeDistribution(storage, kept);
    }

    /// <summary>
    /// The same observations reweighted: <paramref name="weightOf"/> holds each input position's new
    /// weight, and those of weight 0 are left out. No new sort: the order (income, ties in input order)
    /// is the one a distribution built from the kept observations would have.
    /// </summary>
    public IncomeDistribution Reweighted(ReadOnlySpan<int> weightOf) => Reweighted(weightOf, null);

    /// <summary>As <see cref="Reweighted(ReadOnlySpan{int})"/>, built in <paramref name="storage"/> (new arrays when null).</summary>
    internal IncomeDistribution Reweighted(ReadOnlySpan<int> weightOf, DistributionStorage? storage)
    {
        Live();
        int kept = 0;
        for (int k = 0; k < _count; k++)
        {
            if (weightOf[_tag[k]] > 0) kept++;
        }
        storage ??= DistributionStorage.Exact(kept);
        storage.Reserve(kept);
        for (int k = 0, at = 0; k < _count; k++)
        {
            int w = weightOf[_tag[k]];
            if (w <= 0) continue;
            (storage.Income[at], storage.Weight[at], storage.Group[at], storage.Tag[at]) = (_income[k], w, _group[k], _tag[k]);
            at++;
        }
        return new IncomeDistribution(storage, kept);
    }

    /// <summary>Throws once this distribution's storage holds another one (<see cref="DistributionStorage"/>): never a silently wrong figure.</summary>
    private void Live()
    {
        if (_storage.Lease != _lease) throw new InvalidOperationException("this income distribution's memory now holds another one: a year's distributions are read only until its metric memory is handed on");
    }

    private T Live<T>(T value)
        where T : allows ref struct
    {
        Live();
        return value;
    }

    /// <summary>The observations' positions in the input, in income order (ties in input order).</summary>
    public ReadOnlySpan<int> SortedInputPositions => Live(_tag.AsSpan(0, _count));

    /// <summary>Weights in income order.</summary>
    public ReadOnlySpan<double> SortedWeights => Live(_weight.AsSpan(0, _count));

    /// <summary>Builds a distribution of one group from (income, weight) pairs.</summary>
    public static IncomeDistribution Of(IEnumerable<(double Income, double Weight)> observations) =>
        new(observations.Select(o => (o.Income, o.Weight, 0)).ToArray());

    public int Count => Live(_count);

    /// <summary>Total weight W.</summary>
    public double TotalWeight => Live(_cumulativeWeight[_count]);

    /// <summary>Total income, sum of w y.</summary>
    public double TotalIncome => Live(_cumulativeIncome[_count]);

    /// <summary>Weighted mean income.</summary>
    public double Mean => Live(_count) == 0 ? double.NaN : TotalIncome / TotalWeight;

    /// <summary>
    /// The population Gini: sum over pairs of w_i w_j |y_i - y_j| over 2 W^2 mu, computed on the sorted
    /// incomes as sum_i w_i y_i (2 C_i - w_i - W) / (W sum w y), C_i the weight up to and including i.
    /// </summary>
    public double Gini()
    {
        Live();
        if (_count == 0 || TotalIncome <= 0) return double.NaN;
        double w = TotalWeight, sum = 0;
        for (int i = 0; i < _count; i++)
        {
            sum += _weight[i] * _income[i] * (2 * _cumulativeWeight[i + 1] - _weight[i] - w);
        }
        return sum / (w * TotalIncome);
    }

    /// <summary>Theil T: (1/W) sum w_i (y_i/mu) ln(y_i/mu), with 0 ln 0 = 0; needs incomes of at least 0.</summary>
    public double TheilT() => Theil(0, Live(_count));

    /// <summary>
    /// The exact decomposition of Theil T by group: between = sum_g s_g ln(mu_g / mu), within = sum_g s_g T_g,
    /// s_g the group's income share; between + within = total.
    /// </summary>
    private (double Between, double Within)? _decomposition;

    public (double Between, double Within) TheilDecomposition() => Live(_decomposition ??= Decompose());

    /// <summary>The weighted median: the smallest income at which the cumulative weight reaches half the total.</summary>
    public double Median()
    {
        Live();
        if (_count == 0) return double.NaN;
        // The first k with cumulative weight (through k) at least half: a binary search on the cumulative weights.
        double half = TotalWeight / 2;
        int lo = 0, hi = _count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_cumulativeWeight[mid + 1] >= half) hi = mid;
            else lo = mid + 1;
        }
        return _income[lo];
    }

    private (double Between, double Within) Decompose()
    {
        double mu = Mean, total = TotalIncome;
        if (_count == 0 || total <= 0) return (double.NaN, double.NaN);
        // Group sums in one pass, then each group's Theil in a second; groups in order of their ids.
        var weights = new SortedDictionary<int, (double Weight, double Income)>();
        for (int i = 0; i < _count; i++)
        {
            var (w, y) = weights.GetValueOrDefault(_group[i]);
            weights[_group[i]] = (w + _weight[i], y + _weight[i] * _income[i]);
        }
        var means = weights.ToDictionary(kv => kv.Key, kv => kv.Value.Income / kv.Value.Weight);
        var sums = weights.Keys.ToDictionary(g => g, _ => 0.0);
        for (int i = 0; i < _count; i++)
        {
            double r = _income[i] / means[_group[i]];
            if (r > 0) sums[_group[i]] += _weight[i] * r * Math.Log(r);
        }
        double between = 0, within = 0;
        foreach (var (g, (weight, income)) in weights)
        {
            if (income <= 0) continue;
            double share = income / total;
            between += share * Math.Log(means[g] / mu);
            within += share * (sums[g] / weight);
        }
        return (between, within);
    }

    /// <summary>
    /// Atkinson index with inequality aversion e: 1 - (mean of y^(1-e))^(1/(1-e)) / mu, and for e = 1
    /// 1 - exp(mean of ln y) / mu. A zero income makes it 1 for e at least 1.
    /// </summary>
    public double Atkinson(double e)
    {
        Live();
        if (_count == 0 || TotalIncome <= 0) return double.NaN;
        double w = TotalWeight, mu = Mean;
        if (e == 1)
        {
            double logs = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_income[i] <= 0) return 1;
                logs += _weight[i] * Math.Log(_income[i]);
            }
            return 1 - Math.Exp(logs / w) / mu;
        }
        double powers = 0;
        for (int i = 0; i < _count; i++)
        {
            if (_income[i] <= 0)
            {
                if (e > 1) return 1;
                continue;
            }
            double y = _income[i];
            powers += _weight[i] * (e == 0.5 ? Math.Sqrt(y) : e == 2 ? 1 / y : Math.Pow(y, 1 - e));
        }
        return 1 - Math.Pow(powers / w, 1 / (1 - e)) / mu;
    }

    /// <summary>The Lorenz curve at population share p (0-1): the income share of the poorest p, linear between observations.</summary>
    public double Lorenz(double p)
    {
        Live();
        if (_count == 0 || TotalIncome == 0) return double.NaN;
        double target = Math.Clamp(p, 0, 1) * TotalWeight;
        int k = Array.BinarySearch(_cumulativeWeight, 0, _count + 1, target);
        if (k >= 0) return _cumulativeIncome[k] / TotalIncome;
        k = ~k; // _cumulativeWeight[k - 1] < target < _cumulativeWeight[k]
        double fraction = (target - _cumulativeWeight[k - 1]) / _weight[k - 1];
        return (_cumulativeIncome[k - 1] + fraction * _weight[k - 1] * _income[k - 1]) / TotalIncome;
    }

    /// <summary>Points of the Lorenz curve at population shares 0, 1/n, ..., 1.</summary>
    public IReadOnlyList<(double PopulationShare, double IncomeShare)> LorenzPoints(int n) =>
        Enumerable.Range(0, n + 1).Select(i => ((double)i / n, i == n ? 1.0 : Lorenz((double)i / n))).ToArray();

    /// <summary>Income share of quintile q (1 = poorest), read off the Lorenz curve.</summary>
    public double QuintileShare(int q) =>
        q is < 1 or > 5 ? throw new ArgumentOutOfRangeException(nameof(q)) : Lorenz(q / 5.0) - Lorenz((q - 1) / 5.0);

    /// <summary>
    /// The NBS quintile mean: observations (households) ranked by income and split into five groups
    /// of equal numbers of observations (each in the group holding its midpoint), and the group's
    /// weighted mean income (total income over persons); q 1 poorest. Where poorer households are
    /// larger, the poorest group holds more than a fifth of persons and the five means average above
    /// the mean over persons, as the published ones do.
    /// </summary>
    public double ObservationQuintileMean(int q)
    {
        if (q is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(q));
        Live();
        double income = 0, weight = 0;
        for (int k = 0; k < _count; k++)
        {
            if ((int)((k + 0.5) * 5 / _count) != q - 1) continue;
            income += _weight[k] * _income[k];
            weight += _weight[k];
        }
        return weight > 0 ? income / weight : double.NaN;
    }

    /// <summary>Palma ratio: the income share of the richest 10% over that of the poorest 40%.</summary>
    public double Palma() => (1 - Lorenz(0.9)) / Lorenz(0.4);

    /// <summary>Foster-Greer-Thorbecke index FGT(a) at poverty line z: (1/W) sum over y_i &lt; z of w_i ((z - y_i)/z)^a.</summary>
    public double Fgt(double z, double a)
    {
        Live();
        if (_count == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < _count && _income[i] < z; i++)
        {
            double gap = (z - _income[i]) / z;
            sum += _weight[i] * (a == 0 ? 1 : Math.Pow(gap, a));
        }
        return sum / TotalWeight;
    }

    private double Theil(int from, int to)
    {
        if (_count == 0 || TotalIncome <= 0) return double.NaN;
        double mu = Mean, w = TotalWeight, sum = 0;
        for (int i = from; i < to; i++)
        {
            double r = _income[i] / mu;
            if (r > 0) sum += _weight[i] * r * Math.Log(r);
        }
        return sum / w;
    }

}
