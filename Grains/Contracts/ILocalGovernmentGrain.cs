using EcosystemSim.Model.Government;
using EcosystemSim.Protocol;

namespace EcosystemSim.Contracts;

/// <summary>
/// A county's local government (phases 3 and 4 of <see cref="YearProtocol"/>). Key: the county id,
/// with the run id as key extension. It steps its own households and reports one ledger up: no
/// other grain hears from a household.
/// </summary>
[Alias("ecosim.ILocalGovernmentGrain")]
public interface ILocalGovernmentGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Creates the county's households (activating them next to this grain), then the county.</summary>
    [Alias("Initialize"), ResponseTimeout("00:30:00")]
    Task<CountyStart> Initialize(CountyInit init);

    /// <summary>
    /// Sets local policy for the year, steps every household, settles the county's accounts. The
    /// caller will not read the records of <paramref name="recordsReleasedThrough"/> and the years
    /// before it again (<see cref="IAgents.ReleaseRecords"/>), so their array may take this year's;
    /// <see cref="RecordsReleased.None"/> when it keeps every year's.
    /// </summary>
    [Alias("StepYear"), ResponseTimeout("00:30:00")]
    Task<CountyYearReport> StepYear(NationalPolicy national, int recordsReleasedThrough);

    /// <summary>The county now, its households' ids and its ledger of each year so far (when the run keeps history).</summary>
    [Alias("Save"), ResponseTimeout("00:30:00")]
    Task<CountySaved> Save();

    [Alias("Restore"), ResponseTimeout("00:30:00")]
    Task Restore(CountyRestore restore);

    [Alias("Inspect")]
    Task<AgentView> Inspect();

    /// <summary>The run is over: retire the households and deactivate.</summary>
    [Alias("Shutdown"), ResponseTimeout("00:10:00")]
    Task Shutdown();
}
