using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Population;

namespace EcosystemSim.Host.Engines;

/// <summary>
/// The rules in a plain loop, no Orleans: the correctness oracle and the performance floor.
/// Counties are stepped in parallel (they are independent within a year) and each county's
/// households in id order.
/// </summary>
public sealed class InProcessSimulation : ISimulation
{
    private RunPlan? _plan;
    private HouseholdState[][] _households = [];
    private CountyState[] _counties = [];
    private InsurerState[] _insurers = [];
    private CentralState _central = new();

    public string Engine => "inprocess";

    public int Silos => 0;

    public Task<PopulationSummary> InitializeAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        _plan = plan;
        var layout = plan.Layout;
        _households = new HouseholdState[layout.Count][];
        _counties = new CountyState[layout.Count];
        _central = new CentralState();
        var summaries = new CountySummary[layout.Count];
        Parallel.For(0, layout.Count, Options(cancellationToken), c =>
        {
            var county = layout[c];
            var households = new HouseholdState[county.HouseholdCount];
            for (int i = 0; i < households.Length; i++)
            {
                households[i] = PopulationRules.CreateHousehold(plan.Parameters, plan.Seed, county, county.FirstHouseholdId + i, plan.StartYear);
            }
            _households[c] = households;
            summaries[c] = HouseholdCensus.Summary(county, households.Select(h => HouseholdCensus.Of(h, plan.Parameters.Market, plan.StartYear)));
            _counties[c] = LocalGovernmentRules.InitialState(plan.Parameters, county, plan.StartYear, summaries[c].Persons);
        });
        long persons = summaries.Sum(s => s.Persons);
        double weight = PopulationSummary.WeightFor(plan.Parameters, persons);
        _insurers = Enumerable.Range(0, plan.Parameters.Market.Insurers.Length)
            .Select(i => InsurerRules.Initial(plan.Parameters, i, summaries)).ToArray();
        return Task.FromResult(new PopulationSummary(plan.Households, persons, weight));
    }

    public Task<YearOutcome> StepYearAsync(int year, CancellationToken cancellationToken)
    {
        var plan = _plan ?? throw new InvalidOperationException("the simulation was not initialised");
        var parameters = plan.Timeline.At(year);
        (var national, _central) = CentralFundRules.OpenYear(parameters, _central, year);
        national = national with { Market = new MarketOffers(_insurers.Select(i => InsurerRules.Offer(parameters, i, year)).ToArray()) };
        var reports = new CountyYearReport[plan.Layout.Count];
        Parallel.For(0, plan.Layout.Count, Options(cancellationToken), c =>
        {
            var county = plan.Layout[c];
            var context = LocalGovernmentRules.OpenYear(plan.Seed, county, _counties[c], national);
            var households = _households[c];
            var records = new HouseholdYearRecord[households.Length];
            for (int i = 0; i < households.Length; i++) records[i] = HouseholdRules.Step(households[i], context);
            (var ledger, _counties[c]) = LocalGovernmentRules.CloseYear(plan.Seed, county, _counties[c], context, records);
            reports[c] = new CountyYearReport(county.Id, year, records, ledger);
        });
        var market = parameters.Market;
        var insurerReports = reports.Select(r => LocalGovernmentRules.InsurerReports(r.Ledger, market)).ToArray();
        var summaries = reports.Select(r => LocalGovernmentRules.Summary(r.Ledger)).ToArray();
        var insurers = new InsurerYearReport[_insurers.Length];
        for (int i = 0; i < _insurers.Length; i++)
        {
            var mine = insurerReports.SelectMany(r => r.TryGetValue(i, out var items) ? items : []).ToArray();
            (_insurers[i], insurers[i]) = InsurerRules.Close(parameters, _insurers[i], year, mine, summaries);
        }
        (var accounts, _central) = CentralFundRules.CloseYear(national, _central, reports.Select(r => r.Ledger).ToArray());
        return Task.FromResult(new YearOutcome(year, reports, insurers, accounts));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ParallelOptions Options(CancellationToken cancellationToken) => new()
    {
        CancellationToken = cancellationToken,
        MaxDegreeOfParallelism = Environment.ProcessorCount,
    };
}
