using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Population;
using EcosystemSim.Protocol;

namespace EcosystemSim.Contracts;

/// <summary>
/// A household (phase 3 of <see cref="YearProtocol"/>). Key: the household id, with the run id as
/// key extension. Only its local government calls it, once a year.
/// </summary>
[Alias("ecosim.IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Creates the household's starting state; returns its members by pricing band.</summary>
    [Alias("Initialize")]
    ValueTask<HouseholdCensus> Initialize(HouseholdInit init);

    /// <summary>Advances the household by one year and returns its record.</summary>
    [Alias("Step")]
    ValueTask<HouseholdYearRecord> Step(YearContext context);

    /// <summary>The household now and its record of each year so far (when the run keeps history).</summary>
    [Alias("Inspect")]
    ValueTask<AgentView> Inspect();

    /// <summary>The run is over: deactivate.</summary>
    [Alias("Save")]
    ValueTask<HouseholdState> Save();

    [Alias("Restore")]
    ValueTask Restore(HouseholdRestore restore);

    [Alias("Retire")]
    ValueTask Retire();
}
