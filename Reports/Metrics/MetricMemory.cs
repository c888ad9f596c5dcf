namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// The large arrays of a year's metrics (its <see cref="YearDistributions"/>: the sorted national,
/// regional and breakdown distributions, the sort's keys, each household's counts and tiles), kept to
/// be refilled by a later year's. At a million households a year's metrics fill some 0.3 GB of
/// arrays; made new every year they were half a gigabyte of large-object garbage a year, and the
/// largest part of the in-process engine's peak memory (docs/performance.md, issue 18).
/// <para>
/// Arrays are asked for by role (the national disposable distribution, a region's, the current
/// breakdown's, ...), so each year refills the ones the year before used in the same role, grown,
/// with <see cref="HeadroomDivisor"/> to spare, only when a role needs more. One year's
/// distributions hold the memory at a time (<see cref="YearDistributions.Release"/> hands it on);
/// a distribution read after its memory was handed on throws rather than give another year's figure.
/// Not thread-safe: a year's metrics are computed on one thread.
/// </para>
/// </summary>
public sealed class MetricMemory
{
    /// <summary>
    /// A grown array takes 1/32 more than asked for (3%, a few households more than the year before
    /// need no new one): the households with members change a little from year to year.
    /// </summary>
    public const int HeadroomDivisor = 32;

    private readonly bool _reuse;
    private readonly Dictionary<string, DistributionStorage> _storages = [];
    private readonly Dictionary<string, Array> _arrays = [];
    private object? _owner;

    /// <summary>Memory to be handed from year to year.</summary>
    public MetricMemory()
        : this(reuse: true)
    {
    }

    private MetricMemory(bool reuse) => _reuse = reuse;

    /// <summary>Memory never handed on: every role gets new arrays of exactly the size asked for, as if no memory were kept.</summary>
    internal static MetricMemory Fresh() => new(reuse: false);

    /// <summary>Whether a year's distributions hold this memory now.</summary>
    public bool InUse => _owner is not null;

    internal void Acquire(object owner)
    {
        if (_owner is not null) throw new InvalidOperationException("this metric memory still holds another year's distributions: release them first");
        _owner = owner;
    }

    /// <summary>Hands the memory on: every distribution built in it can no longer be read.</summary>
    internal void Release(object owner)
    {
        if (!ReferenceEquals(_owner, owner)) throw new InvalidOperationException("only the distributions holding this metric memory can release it");
        foreach (var storage in _storages.Values) storage.Revoke();
        _owner = null;
    }

    /// <summary>The storage of a distribution in <paramref name="role"/>: the one this role used before, to be refilled.</summary>
    internal DistributionStorage Storage(string role)
    {
        if (!_reuse) return new DistributionStorage(headroom: false);
        if (!_storages.TryGetValue(role, out var storage)) _storages[role] = storage = new DistributionStorage(headroom: true);
        return storage;
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> elements for <paramref name="role"/>, holding
    /// whatever it held before: the caller writes every element it reads.
    /// </summary>
    internal T[] Array<T>(string role, int length)
    {
        if (!_reuse) return new T[length];
        if (_arrays.TryGetValue(role, out var kept) && kept is T[] array && array.Length >= length) return array;
        array = new T[length + length / HeadroomDivisor];
        _arrays[role] = array;
        return array;
    }
}

/// <summary>
/// The arrays one <see cref="IncomeDistribution"/> is built in: its first Count elements in income
/// order (the cumulative sums one more). A storage refilled for another distribution takes a new
/// lease, and the distribution built on the old one throws when read.
/// </summary>
internal sealed class DistributionStorage(bool headroom)
{
    public double[] Income { get; private set; } = [];

    public double[] Weight { get; private set; } = [];

    public int[] Group { get; private set; } = [];

    /// <summary>Each observation's position in the input.</summary>
    public int[] Tag { get; private set; } = [];

    public double[] CumulativeWeight { get; private set; } = [0];

    public double[] CumulativeIncome { get; private set; } = [0];

    /// <summary>Changes whenever the storage is taken for another distribution or handed on.</summary>
    public int Lease { get; private set; }

    /// <summary>New arrays of exactly <paramref name="count"/> observations, taken.</summary>
    public static DistributionStorage Exact(int count)
    {
        var storage = new DistributionStorage(headroom: false);
        storage.Reserve(count);
        return storage;
    }

    /// <summary>Takes the storage for a new distribution of <paramref name="count"/> observations, growing it if it is too small.</summary>
    public void Reserve(int count)
    {
        Lease++;
        if (Income.Length >= count) return;
        int capacity = headroom ? count + count / MetricMemory.HeadroomDivisor : count;
        Income = new double[capacity];
        Weight = new double[capacity];
        Group = new int[capacity];
        Tag = new int[capacity];
        CumulativeWeight = new double[capacity + 1];
        CumulativeIncome = new double[capacity + 1];
    }

    /// <summary>The distribution built last can no longer be read.</summary>
    public void Revoke() => Lease++;
}
