using EcosystemSim.Model.Government;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.World;

namespace EcosystemSim.Protocol;

/// <summary>
/// A run's agents as an engine holds them: the transport of <see cref="YearProtocol"/>. Each method
/// carries one phase to the agents that hold the state it needs and brings their answers back;
/// what the phase computes is <see cref="YearProtocol"/>'s, never the transport's.
/// </summary>
public interface IAgents : IAsyncDisposable
{
    /// <summary>The engine's name in manifests.</summary>
    string Engine { get; }

    /// <summary>Silos the run uses (0 for the in-process engine).</summary>
    int Silos { get; }

    /// <summary>Creates every county and its households (<see cref="YearProtocol.CreateCountyAsync"/>); results in any order.</summary>
    Task<CountyStart[]> CreateCountiesAsync(RunSetup setup, IReadOnlyList<CountySpec> layout, CancellationToken cancellationToken);

    /// <summary>Creates the insurers (<see cref="YearProtocol.CreateInsurer"/>) from the county summaries in county id order.</summary>
    Task CreateInsurersAsync(RunSetup setup, int insurers, CountySummary[] counties, CancellationToken cancellationToken);

    /// <summary>Creates the central fund (<see cref="YearProtocol.CreateCentral"/>).</summary>
    Task CreateCentralAsync(RunSetup setup, CancellationToken cancellationToken);

    /// <summary>Phase 1 at the central fund (<see cref="YearProtocol.OpenYear"/>).</summary>
    Task<NationalPolicy> OpenYearAsync(int year, CancellationToken cancellationToken);

    /// <summary>Phase 2 at every insurer (<see cref="YearProtocol.Offer"/>); offers in insurer order.</summary>
    Task<InsurerOffer[]> OfferAsync(int year, CancellationToken cancellationToken);

    /// <summary>Phases 3 and 4 at every local government (<see cref="YearProtocol.StepCountyAsync"/>); reports in any order.</summary>
    Task<CountyYearReport[]> StepCountiesAsync(NationalPolicy national, CancellationToken cancellationToken);

    /// <summary>Phase 5 at every insurer (<see cref="YearProtocol.CloseInsurer"/>), insurer i given <paramref name="reports"/>[i]; reports in insurer order.</summary>
    Task<InsurerYearReport[]> CloseInsurersAsync(int year, CountyProductReport[][] reports, CountySummary[] counties, CancellationToken cancellationToken);

    /// <summary>Phase 6 at the central fund (<see cref="YearProtocol.CloseYear"/>).</summary>
    Task<NationalAccounts> CloseYearAsync(int year, CountyLedger[] ledgers, CancellationToken cancellationToken);

    /// <summary>Between years: the central fund and every insurer take the amended timeline (<see cref="YearProtocol.Amend"/>).</summary>
    Task AmendAsync(Model.Parameters.ParameterTimeline timeline, CancellationToken cancellationToken);

    /// <summary>
    /// Between years: the household records of <paramref name="year"/> and every year before it will
    /// not be read again, so the engine may write a later year's records into their memory, saving
    /// a fresh array per county and year (its first touch and the garbage it leaves). The in-process
    /// engine writes into them at once; the Orleans engine tells each county grain with its next
    /// step, and the grain steps its households into the array it returned for that year (on a
    /// cluster the caller's copies are fresh, the silos' arrays are reused).
    /// </summary>
    void ReleaseRecords(int year);

    /// <summary>Between years: every agent's state, for a checkpoint (valid until the next year runs: serialise it before).</summary>
    Task<AgentsState> SaveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Instead of creating the agents: puts them back as <paramref name="state"/> holds them (a
    /// checkpoint), under <paramref name="setup"/> (whose timeline may differ after the checkpoint's year).
    /// </summary>
    Task RestoreAsync(RunSetup setup, IReadOnlyList<CountySpec> layout, AgentsState state, CancellationToken cancellationToken);

    /// <summary>
    /// Between years: one agent as it is now, read from whatever holds it (household by id, county by
    /// id, insurer by index); null when the run has no such agent.
    /// </summary>
    Task<AgentView?> InspectAsync(AgentKind kind, int id, CancellationToken cancellationToken);
}

/// <summary>Values of the year through which a caller has released its records (<see cref="IAgents.ReleaseRecords"/>).</summary>
public static class RecordsReleased
{
    /// <summary>None: the caller keeps every year's records, so every year's are new arrays.</summary>
    public const int None = int.MinValue;
}
