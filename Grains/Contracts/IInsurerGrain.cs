using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Contracts;

/// <summary>
/// An insurer. Key: the insurer's index, with the run id as key extension. Local governments send it
/// one aggregate per county a year; it never hears from households.
/// </summary>
[Alias("ecosim.IInsurerGrain")]
public interface IInsurerGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Sets up the insurer from the counties at the start.</summary>
    [Alias("Initialize")]
    Task Initialize(ParameterTimeline timeline, CountySummary[] counties);

    /// <summary>Publishes what the insurer sells this year (the year protocol, step 2).</summary>
    [Alias("Offer")]
    Task<InsurerOffer> Offer(int year);

    /// <summary>A county's business with the insurer's products this year (step 4).</summary>
    [Alias("Report")]
    Task Report(int year, int county, CountyProductReport[] reports);

    /// <summary>Settles the year from the counties' reports, reprices, enters and exits (step 5).</summary>
    [Alias("Close"), ResponseTimeout("00:10:00")]
    Task<InsurerYearReport> Close(int year, CountySummary[] counties);

    [Alias("Shutdown")]
    Task Shutdown();
}
