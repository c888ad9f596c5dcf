using EcosystemSim.Model.Government;
using EcosystemSim.Protocol;

namespace EcosystemSim.Contracts;

/// <summary>The central fund of a run (phases 1 and 6 of <see cref="YearProtocol"/>). Key: the run id.</summary>
[Alias("ecosim.ICentralFundGrain")]
public interface ICentralFundGrain : IGrainWithStringKey
{
    /// <summary>Creates the fund for the run.</summary>
    [Alias("Initialize")]
    Task Initialize(RunSetup setup);

    /// <summary>Opens a year: the national policy in force.</summary>
    [Alias("OpenYear")]
    Task<NationalPolicy> OpenYear(int year);

    /// <summary>Closes a year from the counties' ledgers: the national accounts.</summary>
    [Alias("CloseYear")]
    Task<NationalAccounts> CloseYear(int year, CountyLedger[] ledgers);

    /// <summary>The central fund's state, for a checkpoint.</summary>
    [Alias("Save")]
    Task<CentralState> Save();

    /// <summary>Puts the central fund back as a checkpoint saved it (no year open).</summary>
    [Alias("Restore")]
    Task Restore(RunSetup setup, CentralState state);

    /// <summary>Replaces the parameters in force from the next year on (<see cref="YearProtocol.Amend"/>).</summary>
    [Alias("Amend")]
    Task Amend(Model.Parameters.ParameterTimeline timeline);

    [Alias("Shutdown")]
    Task Shutdown();
}
