using EcosystemSim.Model.Government;

namespace EcosystemSim.Contracts;

/// <summary>
/// A county's local government. Key: the county id, with the run id as key extension. It steps
/// its own households and reports one aggregate up: no other grain hears from a household.
/// </summary>
[Alias("ecosim.ILocalGovernmentGrain")]
public interface ILocalGovernmentGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Creates the county's households (activating them next to this grain).</summary>
    [Alias("Initialize"), ResponseTimeout("00:30:00")]
    Task<CountyInitReport> Initialize(CountyInit init);

    /// <summary>Sets local policy for the year, steps every household, settles the county's accounts.</summary>
    [Alias("StepYear"), ResponseTimeout("00:30:00")]
    Task<CountyYearReport> StepYear(NationalPolicy national);

    /// <summary>The run is over: retire the households and deactivate.</summary>
    [Alias("Shutdown"), ResponseTimeout("00:10:00")]
    Task Shutdown();
}
