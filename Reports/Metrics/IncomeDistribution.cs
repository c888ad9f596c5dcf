namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// A weighted income distribution and the inequality and poverty measures of OUTPUTS.md, computed
/// exactly (by sorting, no binning). Observations are kept in income order, ties in input order, so
/// every measure is a deterministic function of the input sequence. Incomes are used as given:
/// bottom-coding is the caller's decision (the metrics bottom-code at 1 yuan).
/// </summary>
public sealed class IncomeDistribution
{
    private readonly double[] _income;
    private readonly double[] _weight;
    private readonly int[] _group;
    private readonly int[] _tag;
    private readonly double[] _cumulativeWeight;
    private readonly double[] _cumulativeIncome;

    /// <summary>Builds the distribution from (income, weight, group) observations; weights must be positive.</summary>
    public IncomeDistribution(IReadOnlyList<(double Income, double Weight, int Group)> observations)
    {
        int n = observations.Count;
        var keys = new SortKey[n];
        for (int i = 0; i < n; i++)
        {
            var (income, weight, _) = observations[i];
            if (!(weight > 0) || !double.IsFinite(weight)) throw new ArgumentException($"weight {weight} of observation {i} is not positive");
            if (!double.IsFinite(income)) throw new ArgumentException($"income {income} of observation {i} is not finite");
            keys[i] = new SortKey(income, i);
        }
        // By income, ties in input order: the order, and every sum over it, is a function of the input alone.
        Array.Sort(keys);
        var order = new int[n];
        for (int k = 0; k < n; k++) order[k] = keys[k].Index;
        _income = new double[n];
        _weight = new double[n];
        _group = new int[n];
        _tag = order;
        for (int k = 0; k < n; k++)
        {
            var o = observations[order[k]];
            _income[k] = o.Income;
            _weight[k] = o.Weight;
            _group[k] = o.Group;
        }
        (_cumulativeWeight, _cumulativeIncome) = Cumulate(_income, _weight);
    }

    private readonly record struct SortKey(double Income, int Index) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other) => Income != other.Income ? Income.CompareTo(other.Income) : Index.CompareTo(other.Index);
    }

    private IncomeDistribution(double[] income, double[] weight, int[] group, int[] tag)
    {
        _income = income;
        _weight = weight;
        _group = group;
        _tag = tag;
        (_cumulativeWeight, _cumulativeIncome) = Cumulate(income, weight);
    }

    private static (double[] Weight, double[] Income) Cumulate(double[] income, double[] weight)
    {
        var w = new double[income.Length + 1];
        var y = new double[income.Length + 1];
        for (int k = 0; k < income.Length; k++)
        {
            w[k + 1] = w[k] + weight[k];
            y[k + 1] = y[k] + weight[k] * income[k];
        }
        return (w, y);
    }

    /// <summary>The observations of one group, in the same order (no new sort): the group's own distribution.</summary>
    public IncomeDistribution Subset(int group)
    {
        int kept = 0;
        for (int k = 0; k < Count; k++)
        {
            if (_group[k] == group) kept++;
        }
        var income = new double[kept];
        var weight = new double[kept];
        var groups = new int[kept];
        var tag = new int[kept];
        for (int k = 0, at = 0; k < Count; k++)
        {
            if (_group[k] != group) continue;
            (income[at], weight[at], groups[at], tag[at]) = (_income[k], _weight[k], group, _tag[k]);
            at++;
        }
        return new IncomeDistribution(income, weight, groups, tag);
    }

    /// <summary>
    /// The same observations reweighted: <paramref name="weightOf"/> holds each input position's new
    /// weight, and those of weight 0 are left out. No new sort: the order (income, ties in input order)
    /// is the one a distribution built from the kept observations would have.
    /// </summary>
    public IncomeDistribution Reweighted(int[] weightOf)
    {
        int kept = 0;
        for (int k = 0; k < Count; k++)
        {
            if (weightOf[_tag[k]] > 0) kept++;
        }
        var income = new double[kept];
        var weight = new double[kept];
        var group = new int[kept];
        var tag = new int[kept];
        for (int k = 0, at = 0; k < Count; k++)
        {
            int w = weightOf[_tag[k]];
            if (w <= 0) continue;
            (income[at], weight[at], group[at], tag[at]) = (_income[k], w, _group[k], _tag[k]);
            at++;
        }
        return new IncomeDistribution(income, weight, group, tag);
    }

    /// <summary>The observations' positions in the input, in income order (ties in input order).</summary>
    public ReadOnlySpan<int> SortedInputPositions => _tag;

    /// <summary>Weights in income order.</summary>
    public ReadOnlySpan<double> SortedWeights => _weight;

    /// <summary>Builds a distribution of one group from (income, weight) pairs.</summary>
    public static IncomeDistribution Of(IEnumerable<(double Income, double Weight)> observations) =>
        new(observations.Select(o => (o.Income, o.Weight, 0)).ToArray());

    public int Count => _income.Length;

    /// <summary>Total weight W.</summary>
    public double TotalWeight => _cumulativeWeight[^1];

    /// <summary>Total income, sum of w y.</summary>
    public double TotalIncome => _cumulativeIncome[^1];

    /// <summary>Weighted mean income.</summary>
    public double Mean => Count == 0 ? double.NaN : TotalIncome / TotalWeight;

    /// <summary>
    /// The population Gini: sum over pairs of w_i w_j |y_i - y_j| over 2 W^2 mu, computed on the sorted
    /// incomes as sum_i w_i y_i (2 C_i - w_i - W) / (W sum w y), C_i the weight up to and including i.
    /// </summary>
    public double Gini()
    {
        if (Count == 0 || TotalIncome <= 0) return double.NaN;
        double w = TotalWeight, sum = 0;
        for (int i = 0; i < Count; i++)
        {
            sum += _weight[i] * _income[i] * (2 * _cumulativeWeight[i + 1] - _weight[i] - w);
        }
        return sum / (w * TotalIncome);
    }

    /// <summary>Theil T: (1/W) sum w_i (y_i/mu) ln(y_i/mu), with 0 ln 0 = 0; needs incomes of at least 0.</summary>
    public double TheilT() => Theil(0, Count);

    /// <summary>
    /// The exact decomposition of Theil T by group: between = sum_g s_g ln(mu_g / mu), within = sum_g s_g T_g,
    /// s_g the group's income share; between + within = total.
    /// </summary>
    private (double Between, double Within)? _decomposition;

    public (double Between, double Within) TheilDecomposition() => _decomposition ??= Decompose();

    /// <summary>The weighted median: the smallest income at which the cumulative weight reaches half the total.</summary>
    public double Median()
    {
        if (Count == 0) return double.NaN;
        // The first k with cumulative weight (through k) at least half: a binary search on the cumulative weights.
        double half = TotalWeight / 2;
        int lo = 0, hi = Count - 1;
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
        if (Count == 0 || total <= 0) return (double.NaN, double.NaN);
        // Group sums in one pass, then each group's Theil in a second; groups in order of their ids.
        var weights = new SortedDictionary<int, (double Weight, double Income)>();
        for (int i = 0; i < Count; i++)
        {
            var (w, y) = weights.GetValueOrDefault(_group[i]);
            weights[_group[i]] = (w + _weight[i], y + _weight[i] * _income[i]);
        }
        var means = weights.ToDictionary(kv => kv.Key, kv => kv.Value.Income / kv.Value.Weight);
        var sums = weights.Keys.ToDictionary(g => g, _ => 0.0);
        for (int i = 0; i < Count; i++)
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
        if (Count == 0 || TotalIncome <= 0) return double.NaN;
        double w = TotalWeight, mu = Mean;
        if (e == 1)
        {
            double logs = 0;
            for (int i = 0; i < Count; i++)
            {
                if (_income[i] <= 0) return 1;
                logs += _weight[i] * Math.Log(_income[i]);
            }
            return 1 - Math.Exp(logs / w) / mu;
        }
        double powers = 0;
        for (int i = 0; i < Count; i++)
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
        if (Count == 0 || TotalIncome == 0) return double.NaN;
        double target = Math.Clamp(p, 0, 1) * TotalWeight;
        int k = Array.BinarySearch(_cumulativeWeight, target);
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
        double income = 0, weight = 0;
        for (int k = 0; k < Count; k++)
        {
            if ((int)((k + 0.5) * 5 / Count) != q - 1) continue;
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
        if (Count == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < Count && _income[i] < z; i++)
        {
            double gap = (z - _income[i]) / z;
            sum += _weight[i] * (a == 0 ? 1 : Math.Pow(gap, a));
        }
        return sum / TotalWeight;
    }

    private double Theil(int from, int to)
    {
        if (Count == 0 || TotalIncome <= 0) return double.NaN;
        double mu = Mean, w = TotalWeight, sum = 0;
        for (int i = from; i < to; i++)
        {
            double r = _income[i] / mu;
            if (r > 0) sum += _weight[i] * r * Math.Log(r);
        }
        return sum / w;
    }

}
