using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Population;
using EcosystemSim.Protocol;
using Orleans.Placement;

namespace EcosystemSim.Grains;

/// <summary>
/// Holds one household's state and carries its part of phase 3 of <see cref="YearProtocol"/>.
/// Activated on the silo of its first caller, its local government, so the yearly call never
/// crosses the network.
/// </summary>
[PreferLocalPlacement]
[KeepAlive]
public sealed class HouseholdGrain : Grain, IHouseholdGrain
{
    private HouseholdState? _state;
    private List<HouseholdYearRecord>? _history;
    private int _firstYear;

    public ValueTask<HouseholdCensus> Initialize(HouseholdInit init)
    {
        int id = (int)this.GetPrimaryKeyLong(out _);
        _state = YearProtocol.CreateHousehold(init.Setup, init.County, id);
        _history = init.Setup.KeepHistory ? [] : null;
        _firstYear = init.Setup.StartYear;
        return ValueTask.FromResult(YearProtocol.Census(init.Setup, _state));
    }

    public ValueTask<HouseholdYearRecord> Step(YearContext context)
    {
        var state = _state ?? throw new InvalidOperationException($"household {this.GetPrimaryKeyLong(out _)} stepped before initialisation");
        var record = YearProtocol.StepHousehold(state, context);
        _history?.Add(record);
        return ValueTask.FromResult(record);
    }

    public ValueTask<AgentView> Inspect()
    {
        var state = _state ?? throw new InvalidOperationException($"household {this.GetPrimaryKeyLong(out _)} inspected before initialisation");
        return ValueTask.FromResult(AgentViews.Household(state, _history ?? [], _firstYear));
    }

    public ValueTask<HouseholdState> Save() =>
        ValueTask.FromResult(_state ?? throw new InvalidOperationException($"household {this.GetPrimaryKeyLong(out _)} saved before initialisation"));

    public ValueTask Restore(HouseholdRestore restore)
    {
        _state = restore.State;
        _history = restore.Setup.KeepHistory ? [] : null;
        _firstYear = restore.Setup.StartYear;
        return ValueTask.CompletedTask;
    }

    public ValueTask Retire()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}
