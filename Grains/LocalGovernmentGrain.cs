using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Protocol;

namespace EcosystemSim.Grains;

/// <summary>Holds a county's state and carries phases 3 and 4 of <see cref="YearProtocol"/> to its households.</summary>
[KeepAlive]
public sealed class LocalGovernmentGrain : Grain, ILocalGovernmentGrain
{
    /// <summary>Household calls in flight per county; with tens of counties stepping at once this keeps a silo's queue to some thousands.</summary>
    private const int FanOutWindow = 256;

    private CountyInit? _init;
    private IHouseholdGrain[] _households = [];
    private CountyState? _state;
    private List<CountyLedger>? _history;

    /// <summary>The record arrays this county returned, by year, that its caller may still read; and those it has released, to be written again.</summary>
    private readonly Dictionary<int, Model.Households.HouseholdYearRecord[]> _issued = [];
    private readonly Stack<Model.Households.HouseholdYearRecord[]> _free = new();

    public async Task<CountyStart> Initialize(CountyInit init)
    {
        this.GetPrimaryKeyLong(out string? keyExtension);
        string runId = keyExtension ?? throw new InvalidOperationException("a local government key needs the run id");
        _init = init;
        _history = init.Setup.KeepHistory ? [] : null;
        _households = new IHouseholdGrain[init.County.HouseholdCount];
        for (int i = 0; i < _households.Length; i++)
        {
            _households[i] = GrainFactory.GetGrain<IHouseholdGrain>(init.County.FirstHouseholdId + i, runId);
        }
        var householdInit = new HouseholdInit(init.Setup, init.County);
        (var start, _state) = await YearProtocol.CreateCountyAsync(init.Setup, init.County,
            () => new ValueTask<Model.Population.HouseholdCensus[]>(FanOut.Run(_households, FanOutWindow, h => h.Initialize(householdInit))));
        return start;
    }

    public async Task<CountyYearReport> StepYear(NationalPolicy national, int recordsReleasedThrough)
    {
        var init = _init ?? throw new InvalidOperationException("county stepped before initialisation");
        var into = Released(recordsReleasedThrough);
        (var report, _state) = await YearProtocol.StepCountyAsync(init.Setup.Seed, init.County, _state!, national,
            context => new ValueTask<Model.Households.HouseholdYearRecord[]>(FanOut.Run(_households, FanOutWindow, h => h.Step(context), into)));
        if (recordsReleasedThrough != RecordsReleased.None) _issued[national.Year] = report.Households;
        _history?.Add(report.Ledger);
        return report;
    }

    /// <summary>
    /// An array whose year the caller has released (<see cref="IAgents.ReleaseRecords"/>), for this
    /// year's records; null, for a new one, when none is free or the caller keeps every year's.
    /// Every record in it is written again.
    /// </summary>
    private Model.Households.HouseholdYearRecord[]? Released(int releasedThrough)
    {
        if (releasedThrough == RecordsReleased.None) return null;
        foreach (int year in _issued.Keys.Where(y => y <= releasedThrough).Order().ToArray())
        {
            _free.Push(_issued[year]);
            _issued.Remove(year);
        }
        return _free.TryPop(out var array) ? array : null;
    }

    public async Task<CountySaved> Save()
    {
        var state = _state ?? throw new InvalidOperationException("county saved before initialisation");
        return new CountySaved(state, await FanOut.Run(_households, FanOutWindow, h => h.Save()));
    }

    public async Task Restore(CountyRestore restore)
    {
        this.GetPrimaryKeyLong(out string? keyExtension);
        string runId = keyExtension ?? throw new InvalidOperationException("a local government key needs the run id");
        var (init, saved) = (restore.Init, restore.Saved);
        if (saved.Households.Length != init.County.HouseholdCount)
        {
            throw new InvalidOperationException($"county {init.County.Id}: the checkpoint holds {saved.Households.Length} households, the layout {init.County.HouseholdCount}");
        }
        _init = init;
        _history = init.Setup.KeepHistory ? [] : null;
        _households = Enumerable.Range(0, init.County.HouseholdCount)
            .Select(i => GrainFactory.GetGrain<IHouseholdGrain>(init.County.FirstHouseholdId + i, runId)).ToArray();
        await FanOut.Run(Enumerable.Range(0, _households.Length).ToArray(), FanOutWindow, async i =>
        {
            await _households[i].Restore(new HouseholdRestore(init.Setup, saved.Households[i]));
            return 0;
        });
        _state = saved.State;
    }

    public Task<AgentView> Inspect()
    {
        var init = _init ?? throw new InvalidOperationException("county inspected before initialisation");
        return Task.FromResult(AgentViews.County(init.County, _state!, _history ?? []));
    }

    public async Task Shutdown()
    {
        await FanOut.Run(_households, FanOutWindow, async h =>
        {
            await h.Retire();
            return 0;
        });
        DeactivateOnIdle();
    }
}
