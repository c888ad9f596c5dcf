using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;
using EcosystemSim.Protocol;

namespace EcosystemSim.Engine.Engines;

/// <summary>
/// The in-process engine: the agents' state in arrays, each phase of <see cref="YearProtocol"/>
/// called directly (counties in parallel, each county's households in id order). No Orleans: the
/// correctness oracle and the performance floor.
/// </summary>
public sealed class InProcessAgents : IAgents
{
    private RunSetup? _setup;
    private IReadOnlyList<CountySpec> _layout = [];
    private HouseholdState[][] _households = [];
    private CountyState[] _counties = [];
    private InsurerState[] _insurers = [];
    private CentralState _central = new();
    private NationalPolicy? _open;
    private List<HouseholdYearRecord>[][]? _householdHistory;
    private List<CountyLedger>[]? _countyHistory;
    private List<InsurerYearReport>[]? _insurerHistory;
    // The record arrays of the last years stepped, one per county, by year, until released; then free for a later year.
    // A run that never releases (the lab, which keeps its last year) leaves them to the GC: only the two latest are tracked.
    private const int TrackedYears = 2;
    private readonly Dictionary<int, HouseholdYearRecord[][]> _issued = [];
    private readonly Stack<HouseholdYearRecord[][]> _free = new();

    public string Engine => "inprocess";

    public int Silos => 0;

    public Task<CountyStart[]> CreateCountiesAsync(RunSetup setup, IReadOnlyList<CountySpec> layout, CancellationToken cancellationToken)
    {
        _setup = setup;
        _layout = layout;
        _households = new HouseholdState[layout.Count][];
        _counties = new CountyState[layout.Count];
        if (setup.KeepHistory)
        {
            _householdHistory = layout.Select(c => Enumerable.Range(0, c.HouseholdCount).Select(_ => new List<HouseholdYearRecord>()).ToArray()).ToArray();
            _countyHistory = layout.Select(_ => new List<CountyLedger>()).ToArray();
        }
        var starts = new CountyStart[layout.Count];
        Parallel.For(0, layout.Count, Options(cancellationToken), c =>
        {
            var county = layout[c];
            var task = YearProtocol.CreateCountyAsync(setup, county, () =>
            {
                var households = new HouseholdState[county.HouseholdCount];
                for (int i = 0; i < households.Length; i++) households[i] = YearProtocol.CreateHousehold(setup, county, county.FirstHouseholdId + i);
                _households[c] = households;
                return ValueTask.FromResult(households.Select(h => YearProtocol.Census(setup, h)).ToArray());
            });
            (starts[c], _counties[c]) = Completed(task);
        });
        return Task.FromResult(starts);
    }

    public Task CreateInsurersAsync(RunSetup setup, int insurers, CountySummary[] counties, CancellationToken cancellationToken)
    {
        _insurers = Enumerable.Range(0, insurers).Select(i => YearProtocol.CreateInsurer(setup, i, counties)).ToArray();
        _insurerHistory = setup.KeepHistory ? _insurers.Select(_ => new List<InsurerYearReport>()).ToArray() : null;
        return Task.CompletedTask;
    }

    public Task CreateCentralAsync(RunSetup setup, CancellationToken cancellationToken)
    {
        _central = YearProtocol.CreateCentral(setup);
        return Task.CompletedTask;
    }

    public Task<NationalPolicy> OpenYearAsync(int year, CancellationToken cancellationToken)
    {
        (_open, _central) = YearProtocol.OpenYear(Setup.Timeline, _central, year);
        return Task.FromResult(_open);
    }

    public Task<InsurerOffer[]> OfferAsync(int year, CancellationToken cancellationToken) =>
        Task.FromResult(_insurers.Select(i => YearProtocol.Offer(Setup.Timeline, i, year)).ToArray());

    public Task<CountyYearReport[]> StepCountiesAsync(NationalPolicy national, CancellationToken cancellationToken)
    {
        ulong seed = Setup.Seed;
        var reports = new CountyYearReport[_layout.Count];
        var arrays = RecordArrays(national.Year);
        Parallel.For(0, _layout.Count, Options(cancellationToken), c =>
        {
            var households = _households[c];
            var task = YearProtocol.StepCountyAsync(seed, _layout[c], _counties[c], national, context =>
            {
                // A released year's array is overwritten whole: the step sets every field of each record.
                var records = arrays[c] is { } reused && reused.Length == households.Length ? reused : arrays[c] = new HouseholdYearRecord[households.Length];
                for (int i = 0; i < households.Length; i++) YearProtocol.StepHousehold(households[i], context, ref records[i]);
                if (_householdHistory is { } history)
                {
                    for (int i = 0; i < households.Length; i++) history[c][i].Add(records[i]);
                }
                return ValueTask.FromResult(records);
            });
            (reports[c], _counties[c]) = Completed(task);
            _countyHistory?[c].Add(reports[c].Ledger);
        });
        return Task.FromResult(reports);
    }

    public void ReleaseRecords(int year)
    {
        foreach (int done in _issued.Keys.Where(y => y <= year).Order().ToArray())
        {
            _free.Push(_issued[done]);
            _issued.Remove(done);
        }
    }

    public Task<InsurerYearReport[]> CloseInsurersAsync(int year, CountyProductReport[][] reports, CountySummary[] counties, CancellationToken cancellationToken)
    {
        var closed = new InsurerYearReport[_insurers.Length];
        for (int i = 0; i < _insurers.Length; i++)
        {
            (_insurers[i], closed[i]) = YearProtocol.CloseInsurer(Setup.Timeline, _insurers[i], year, reports[i], counties);
            _insurerHistory?[i].Add(closed[i]);
        }
        return Task.FromResult(closed);
    }

    public Task<NationalAccounts> CloseYearAsync(int year, CountyLedger[] ledgers, CancellationToken cancellationToken)
    {
        var open = _open is { } o && o.Year == year ? o : throw new InvalidOperationException($"year {year} closed before it was opened");
        (var accounts, _central) = YearProtocol.CloseYear(open, _central, ledgers);
        return Task.FromResult(accounts);
    }

    public Task AmendAsync(ParameterTimeline timeline, CancellationToken cancellationToken)
    {
        _setup = YearProtocol.Amend(Setup, timeline);
        return Task.CompletedTask;
    }

    public Task<AgentsState> SaveAsync(CancellationToken cancellationToken) =>
        // The arrays themselves, not copies: the state is valid until the next year runs, and the caller serialises it before.
        Task.FromResult(new AgentsState(_households.SelectMany(h => h).ToArray(), [.. _counties], [.. _insurers], _central));

    public Task RestoreAsync(RunSetup setup, IReadOnlyList<CountySpec> layout, AgentsState state, CancellationToken cancellationToken)
    {
        var saved = CheckpointLayout.ByCounty(layout, state);
        _setup = setup;
        _layout = layout;
        _households = saved.Select(s => s.Households).ToArray();
        _counties = saved.Select(s => s.State).ToArray();
        _insurers = [.. state.Insurers];
        _central = state.Central;
        _open = null;
        _issued.Clear();
        _free.Clear();
        if (setup.KeepHistory)
        {
            _householdHistory = layout.Select(c => Enumerable.Range(0, c.HouseholdCount).Select(_ => new List<HouseholdYearRecord>()).ToArray()).ToArray();
            _countyHistory = layout.Select(_ => new List<CountyLedger>()).ToArray();
            _insurerHistory = _insurers.Select(_ => new List<InsurerYearReport>()).ToArray();
        }
        return Task.CompletedTask;
    }

    public Task<AgentView?> InspectAsync(AgentKind kind, int id, CancellationToken cancellationToken)
    {
        AgentView? view = null;
        switch (kind)
        {
            case AgentKind.Household:
                for (int c = 0; c < _layout.Count; c++)
                {
                    int i = id - _layout[c].FirstHouseholdId;
                    if (i < 0 || i >= _layout[c].HouseholdCount) continue;
                    view = AgentViews.Household(_households[c][i], _householdHistory?[c][i] ?? [], Setup.StartYear);
                }
                break;
            case AgentKind.County:
                int county = _layout.ToList().FindIndex(c => c.Id == id);
                if (county >= 0) view = AgentViews.County(_layout[county], _counties[county], _countyHistory?[county] ?? []);
                break;
            default:
                if (id >= 0 && id < _insurers.Length) view = AgentViews.Insurer(id, _insurers[id], _insurerHistory?[id] ?? []);
                break;
        }
        return Task.FromResult(view);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The arrays <paramref name="year"/>'s records go into, one per county: a released year's, or new ones.</summary>
    private HouseholdYearRecord[][] RecordArrays(int year)
    {
        var arrays = _free.TryPop(out var released) ? released : new HouseholdYearRecord[_layout.Count][];
        _issued[year] = arrays;
        if (_issued.Count > TrackedYears) _issued.Remove(_issued.Keys.Min());
        return arrays;
    }

    private RunSetup Setup => _setup ?? throw new InvalidOperationException("the agents were not created");

    /// <summary>The phase's result: in process its household work completes synchronously, so this never blocks.</summary>
    private static T Completed<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private static ParallelOptions Options(CancellationToken cancellationToken) => new()
    {
        CancellationToken = cancellationToken,
        MaxDegreeOfParallelism = Environment.ProcessorCount,
    };
}
