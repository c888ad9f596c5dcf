using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Protocol;

namespace EcosystemSim.Grains;

/// <summary>Holds the run's central fund and carries phases 1 and 6 of <see cref="YearProtocol"/>.</summary>
[KeepAlive]
public sealed class CentralFundGrain : Grain, ICentralFundGrain
{
    private RunSetup? _setup;
    private CentralState _state = new();
    private NationalPolicy? _open;

    public Task Initialize(RunSetup setup)
    {
        _setup = setup;
        _state = YearProtocol.CreateCentral(setup);
        _open = null;
        return Task.CompletedTask;
    }

    public Task<NationalPolicy> OpenYear(int year)
    {
        var setup = _setup ?? throw new InvalidOperationException("central fund used before initialisation");
        (_open, _state) = YearProtocol.OpenYear(setup.Timeline, _state, year);
        return Task.FromResult(_open);
    }

    public Task<NationalAccounts> CloseYear(int year, CountyLedger[] ledgers)
    {
        if (_open is null || _open.Year != year) throw new InvalidOperationException($"year {year} closed before it was opened");
        (var accounts, _state) = YearProtocol.CloseYear(_open, _state, ledgers);
        return Task.FromResult(accounts);
    }

    public Task<CentralState> Save() => Task.FromResult(_state);

    public Task Restore(RunSetup setup, CentralState state)
    {
        _setup = setup;
        _state = state;
        _open = null;
        return Task.CompletedTask;
    }

    public Task Amend(Model.Parameters.ParameterTimeline timeline)
    {
        _setup = YearProtocol.Amend(_setup ?? throw new InvalidOperationException("central fund used before initialisation"), timeline);
        return Task.CompletedTask;
    }

    public Task Shutdown()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
