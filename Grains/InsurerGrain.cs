using EcosystemSim.Contracts;
using EcosystemSim.Model.Market;
using EcosystemSim.Protocol;

namespace EcosystemSim.Grains;

/// <summary>Holds an insurer's books and carries phases 2 and 5 of <see cref="YearProtocol"/>.</summary>
[KeepAlive]
public sealed class InsurerGrain : Grain, IInsurerGrain
{
    private RunSetup? _setup;
    private InsurerState? _state;
    private List<InsurerYearReport>? _history;

    public Task Initialize(RunSetup setup, CountySummary[] counties)
    {
        _setup = setup;
        _history = setup.KeepHistory ? [] : null;
        _state = YearProtocol.CreateInsurer(setup, (int)this.GetPrimaryKeyLong(out _), counties);
        return Task.CompletedTask;
    }

    public Task<InsurerOffer> Offer(int year) => Task.FromResult(YearProtocol.Offer(Setup.Timeline, State, year));

    public Task<InsurerYearReport> Close(int year, CountyProductReport[] reports, CountySummary[] counties)
    {
        (_state, var report) = YearProtocol.CloseInsurer(Setup.Timeline, State, year, reports, counties);
        _history?.Add(report);
        return Task.FromResult(report);
    }

    public Task Amend(Model.Parameters.ParameterTimeline timeline)
    {
        _setup = YearProtocol.Amend(Setup, timeline);
        return Task.CompletedTask;
    }

    public Task<InsurerState> Save() => Task.FromResult(State);

    public Task Restore(RunSetup setup, InsurerState state)
    {
        _setup = setup;
        _history = setup.KeepHistory ? [] : null;
        _state = state;
        return Task.CompletedTask;
    }

    public Task<AgentView> Inspect() => Task.FromResult(AgentViews.Insurer((int)this.GetPrimaryKeyLong(out _), State, _history ?? []));

    public Task Shutdown()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private RunSetup Setup => _setup ?? throw new InvalidOperationException("insurer used before initialisation");

    private InsurerState State => _state ?? throw new InvalidOperationException("insurer used before initialisation");
}
