using EcosystemSim.Model.Government;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Contracts;

/// <summary>The central fund of a run. Key: the run id.</summary>
[Alias("ecosim.ICentralFundGrain")]
public interface ICentralFundGrain : IGrainWithStringKey
{
    /// <summary>Sets up the fund with the parameters in force each year.</summary>
    [Alias("Initialize")]
    Task Initialize(ParameterTimeline timeline);

    /// <summary>Opens a year: the national policy in force.</summary>
    [Alias("OpenYear")]
    Task<NationalPolicy> OpenYear(int year);

    /// <summary>Closes a year from the counties' ledgers: the national accounts.</summary>
    [Alias("CloseYear")]
    Task<NationalAccounts> CloseYear(int year, CountyLedger[] ledgers);

    [Alias("Shutdown")]
    Task Shutdown();
}
