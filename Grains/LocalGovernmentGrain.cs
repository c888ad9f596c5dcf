using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;

namespace EcosystemSim.Grains;

/// <summary>Holds a county's state and steps its households once a year (the year protocol, steps 3-4).</summary>
[KeepAlive]
public sealed class LocalGovernmentGrain : Grain, ILocalGovernmentGrain
{
    /// <summary>Household calls in flight per county; with tens of counties stepping at once this keeps a silo's queue to some thousands.</summary>
    private const int FanOutWindow = 256;

    private CountyInit? _init;
    private IHouseholdGrain[] _households = [];
    private CountyState? _state;

    public async Task<CountyInitReport> Initialize(CountyInit init)
    {
        this.GetPrimaryKeyLong(out string? keyExtension);
        string runId = keyExtension ?? throw new InvalidOperationException("a local government key needs the run id");
        _init = init;
        _households = new IHouseholdGrain[init.County.HouseholdCount];
        for (int i = 0; i < _households.Length; i++)
        {
            _households[i] = GrainFactory.GetGrain<IHouseholdGrain>(init.County.FirstHouseholdId + i, runId);
        }
        var householdInit = new HouseholdInit(init.Parameters, init.Seed, init.County, init.StartYear);
        var census = await FanOut.Run(_households, FanOutWindow, h => h.Initialize(householdInit));
        var summary = HouseholdCensus.Summary(init.County, census);
        _state = LocalGovernmentRules.InitialState(init.Parameters, init.County, init.StartYear, summary.Persons);
        return new CountyInitReport(init.County.Id, _households.Length, summary.Persons, summary);
    }

    public async Task<CountyYearReport> StepYear(NationalPolicy national)
    {
        var init = _init ?? throw new InvalidOperationException("county stepped before initialisation");
        var context = LocalGovernmentRules.OpenYear(init.Seed, init.County, _state!, national);
        var records = await FanOut.Run(_households, FanOutWindow, h => h.Step(context));
        var (ledger, next) = LocalGovernmentRules.CloseYear(init.Seed, init.County, _state!, context, records);
        _state = next;
        // One aggregate per insurer with business in the county: no insurer hears from a household.
        this.GetPrimaryKeyLong(out string? runId);
        await Task.WhenAll(LocalGovernmentRules.InsurerReports(ledger, national.Parameters.Market)
            .Select(r => GrainFactory.GetGrain<IInsurerGrain>(r.Key, runId!).Report(national.Year, init.County.Id, r.Value)));
        return new CountyYearReport(init.County.Id, national.Year, records, ledger);
    }

    public async Task Shutdown()
    {
        await FanOut.Run(_households, FanOutWindow, async h =>
        {
            await h.Retire();
            return 0;
        });
        DeactivateOnIdle();
    }
}
