using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;

namespace EcosystemSim.Protocol;

/// <summary>
/// A run's agents between two years, complete: every household (in id order), every county (in
/// county id order), every insurer (in insurer order) and the central fund. What a checkpoint
/// holds of the simulation: draws are keyed by (seed, agent, year, stream), so state and the
/// timeline are all a run needs to continue exactly as it would have.
/// </summary>
[GenerateSerializer, Alias("ecosim.AgentsState")]
public sealed record AgentsState(
    [property: Id(0)] HouseholdState[] Households,
    [property: Id(1)] CountyState[] Counties,
    [property: Id(2)] InsurerState[] Insurers,
    [property: Id(3)] CentralState Central);

/// <summary>A county's part of <see cref="AgentsState"/>: its own state and its households' in id order.</summary>
[GenerateSerializer, Alias("ecosim.CountySaved")]
public sealed record CountySaved([property: Id(0)] CountyState State, [property: Id(1)] HouseholdState[] Households);

/// <summary>How a checkpoint's agents are laid out over counties.</summary>
public static class CheckpointLayout
{
    /// <summary>Each county's part of <paramref name="state"/>, in layout order; throws when the state is not of this layout.</summary>
    public static CountySaved[] ByCounty(IReadOnlyList<Model.World.CountySpec> layout, AgentsState state)
    {
        if (state.Counties.Length != layout.Count || state.Households.Length != layout.Sum(c => c.HouseholdCount))
        {
            throw new InvalidOperationException(
                $"the checkpoint holds {state.Counties.Length} counties and {state.Households.Length} households; the run has {layout.Count} and {layout.Sum(c => c.HouseholdCount)}");
        }
        int first = layout.Count == 0 ? 0 : layout[0].FirstHouseholdId;
        return layout.Select((c, i) => new CountySaved(state.Counties[i], state.Households.AsSpan(c.FirstHouseholdId - first, c.HouseholdCount).ToArray())).ToArray();
    }
}
