using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Grains;

/// <summary>The run's central fund: publishes the national policy, records the national accounts (the year protocol, steps 1 and 6).</summary>
[CollectionAgeLimit(Days = 1)]
public sealed class CentralFundGrain : Grain, ICentralFundGrain
{
    private ModelParameters? _parameters;
    private CentralState _state = new();
    private NationalPolicy? _open;

    public Task Initialize(ModelParameters parameters)
    {
        _parameters = parameters;
        _state = new CentralState();
        return Task.CompletedTask;
    }

    public Task<NationalPolicy> OpenYear(int year)
    {
        var parameters = _parameters ?? throw new InvalidOperationException("central fund used before initialisation");
        (_open, _state) = CentralFundRules.OpenYear(parameters, _state, year);
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
