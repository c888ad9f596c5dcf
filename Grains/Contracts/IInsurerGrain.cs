using EcosystemSim.Model.Market;
using EcosystemSim.Protocol;

namespace EcosystemSim.Contracts;

/// <summary>
/// An insurer (phases 2 and 5 of <see cref="YearProtocol"/>). Key: the insurer's index, with the
/// run id as key extension. It hears one aggregate per county a year, never from a household.
/// </summary>
[Alias("ecosim.IInsurerGrain")]
public interface IInsurerGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Creates the insurer from the counties at the start (in county id order).</summary>
    [Alias("Initialize")]
    Task Initialize(RunSetup setup, CountySummary[] counties);

    /// <summary>Publishes what the insurer sells this year.</summary>
    [Alias("Offer")]
    Task<InsurerOffer> Offer(int year);

    /// <summary>Settles the year from the counties' business with its products, reprices, enters and exits.</summary>
    [Alias("Close"), ResponseTimeout("00:10:00")]
    Task<InsurerYearReport> Close(int year, CountyProductReport[] reports, CountySummary[] counties);

    /// <summary>Replaces the parameters in force from the next year on (<see cref="YearProtocol.Amend"/>).</summary>
    [Alias("Amend")]
    Task Amend(Model.Parameters.ParameterTimeline timeline);

    /// <summary>The insurer's state, for a checkpoint.</summary>
    [Alias("Save")]
    Task<InsurerState> Save();

    /// <summary>Puts the insurer back as a checkpoint saved it.</summary>
    [Alias("Restore")]
    Task Restore(RunSetup setup, InsurerState state);

    /// <summary>The insurer's books now and its report of each year so far (when the run keeps history).</summary>
    [Alias("Inspect")]
    Task<AgentView> Inspect();

    [Alias("Shutdown")]
    Task Shutdown();
}
