using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Market;

namespace EcosystemSim.Host.Engines;

/// <summary>
/// The year protocol over grains: the central fund opens the year, every local government steps
/// its households, the central fund closes the year. Works against any cluster (the embedded
/// silo, a test cluster, a real one) through its grain factory.
/// </summary>
public sealed class OrleansSimulation(IGrainFactory grains, int silos, Func<ValueTask>? onDispose = null) : ISimulation
{
    private RunPlan? _plan;
    private ICentralFundGrain? _central;
    private ILocalGovernmentGrain[] _counties = [];
    private IInsurerGrain[] _insurers = [];

    public string Engine => "orleans";

    public int Silos => silos;

    public async Task<PopulationSummary> InitializeAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        _plan = plan;
        _central = grains.GetGrain<ICentralFundGrain>(plan.RunId);
        await _central.Initialize(plan.Timeline);
        _counties = plan.Layout.Select(c => grains.GetGrain<ILocalGovernmentGrain>(c.Id, plan.RunId)).ToArray();
        var reports = await Task.WhenAll(plan.Layout.Select((county, i) =>
            _counties[i].Initialize(new CountyInit(plan.Parameters, plan.Seed, county, plan.StartYear))));
        long persons = reports.Sum(r => r.Persons);
        double weight = PopulationSummary.WeightFor(plan.Parameters, persons);
        var summaries = reports.OrderBy(r => r.CountyId).Select(r => r.Summary).ToArray();
        _insurers = Enumerable.Range(0, plan.Parameters.Market.Insurers.Length)
            .Select(i => grains.GetGrain<IInsurerGrain>(i, plan.RunId)).ToArray();
        await Task.WhenAll(_insurers.Select(i => i.Initialize(plan.Timeline, summaries)));
        cancellationToken.ThrowIfCancellationRequested();
        return new PopulationSummary(reports.Sum(r => r.Households), persons, weight);
    }

    public async Task<YearOutcome> StepYearAsync(int year, CancellationToken cancellationToken)
    {
        var central = _central ?? throw new InvalidOperationException("the simulation was not initialised");
        var policy = await central.OpenYear(year);
        var offers = await Task.WhenAll(_insurers.Select(i => i.Offer(year)));
        var national = policy with { Market = new MarketOffers(offers) };
        var reports = await Task.WhenAll(_counties.Select(c => c.StepYear(national)));
        Array.Sort(reports, (a, b) => a.CountyId.CompareTo(b.CountyId));
        var summaries = reports.Select(r => LocalGovernmentRules.Summary(r.Ledger)).ToArray();
        var insurers = await Task.WhenAll(_insurers.Select(i => i.Close(year, summaries)));
        var accounts = await central.CloseYear(year, reports.Select(r => r.Ledger).ToArray());
        cancellationToken.ThrowIfCancellationRequested();
        return new YearOutcome(year, reports, insurers, accounts);
    }

    public async ValueTask DisposeAsync()
    {
        if (_plan is not null)
        {
            try
            {
                await Task.WhenAll(_counties.Select(c => c.Shutdown()));
                await Task.WhenAll(_insurers.Select(i => i.Shutdown()));
                if (_central is not null) await _central.Shutdown();
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The cluster may already be going down; its grains go with it.
            }
        }
        if (onDispose is not null) await onDispose();
    }
}
