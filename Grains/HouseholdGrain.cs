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

    public ValueTask<HouseholdCensus> Initialize(HouseholdInit init)
    {
        int id = (int)this.GetPrimaryKeyLong(out _);
        _state = YearProtocol.CreateHousehold(init.Setup, init.County, id);
        return ValueTask.FromResult(YearProtocol.Census(init.Setup, _state));
    }

    public ValueTask<HouseholdYearRecord> Step(YearContext context)
    {
        var state = _state ?? throw new InvalidOperationException($"household {this.GetPrimaryKeyLong(out _)} stepped before initialisation");
        return ValueTask.FromResult(YearProtocol.StepHousehold(state, context));
    }

    public ValueTask Retire()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}
