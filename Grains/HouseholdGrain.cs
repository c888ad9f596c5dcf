using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Population;
using Orleans.Placement;

namespace EcosystemSim.Grains;

/// <summary>
/// Holds one household's state and applies the household rules. Activated on the silo of its
/// first caller, its local government, so the yearly call never crosses the network.
/// </summary>
[PreferLocalPlacement]
[KeepAlive]
public sealed class HouseholdGrain : Grain, IHouseholdGrain
{
    private HouseholdState? _state;

    public ValueTask<HouseholdCensus> Initialize(HouseholdInit init)
    {
        int id = (int)this.GetPrimaryKeyLong(out _);
        _state = PopulationRules.CreateHousehold(init.Parameters, init.Seed, init.County, id, init.StartYear);
        return ValueTask.FromResult(HouseholdCensus.Of(_state, init.Parameters.Market, init.StartYear));
    }

    public ValueTask<HouseholdYearRecord> Step(YearContext context)
    {
        var state = _state ?? throw new InvalidOperationException($"household {this.GetPrimaryKeyLong(out _)} stepped before initialisation");
        return ValueTask.FromResult(HouseholdRules.Step(state, context));
    }

    public ValueTask Retire()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}
