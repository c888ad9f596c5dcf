using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Grains;

/// <summary>The run's central fund: publishes the national policy, records the national accounts (the year protocol, steps 1 and 6).</summary>
[KeepAlive]
public sealed class CentralFundGrain : Grain, ICentralFundGrain
{
    private ParameterTimeline? _timeline;
    private CentralState _state = new();
    private NationalPolicy? _open;

    public Task Initialize(ParameterTimeline timeline)
    {
        _timeline = timeline;
        _state = new CentralState();
        return Task.CompletedTask;
    }

    public Task<NationalPolicy> OpenYear(int year)
    {
        var timeline = _timeline ?? throw new InvalidOperationException("central fund used before initialisation");
        // The scenario's interventions due this year are in the timeline's entry for the year.
        (_open, _state) = CentralFundRules.OpenYear(timeline.At(year), _state, year);
        return Task.FromResult(_open);
    }

    public Task<NationalAccounts> CloseYear(int year, CountyLedger[] ledgers)
    {
        if (_open is null || _open.Year != year) throw new InvalidOperationException($"year {year} closed before it was opened");
        (var accounts, _state) = CentralFundRules.CloseYear(_open, _state, ledgers);
        return Task.FromResult(accounts);
    }

    public Task Shutdown()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
