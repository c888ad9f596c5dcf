using EcosystemSim.Contracts;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
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
        Parallel.For(0, layout.Count, Options(cancellationToken), c =>
        {
            var county = layout[c];
            var households = new HouseholdState[county.HouseholdCount];
            for (int i = 0; i < households.Length; i++)
            {
                households[i] = PopulationRules.CreateHousehold(plan.Parameters, plan.Seed, county, county.FirstHouseholdId + i, plan.StartYear);
            }
            _households[c] = households;
            long persons = households.Sum(h => (long)h.Members.Length);
            _counties[c] = LocalGovernmentRules.InitialState(plan.Parameters, county, plan.StartYear, persons);
        });
        long persons = _households.Sum(county => county.Sum(h => (long)h.Members.Length));
        return Task.FromResult(new PopulationSummary(plan.Households, persons));
    }

    public Task<YearOutcome> StepYearAsync(int year, CancellationToken cancellationToken)
    {
        var plan = _plan ?? throw new InvalidOperationException("the simulation was not initialised");
        (var national, _central) = CentralFundRules.OpenYear(plan.Parameters, _central, year);
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
        (var accounts, _central) = CentralFundRules.CloseYear(national, _central, reports.Select(r => r.Ledger).ToArray());
        return Task.FromResult(new YearOutcome(year, reports, accounts));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ParallelOptions Options(CancellationToken cancellationToken) => new()
    {
        CancellationToken = cancellationToken,
        MaxDegreeOfParallelism = Environment.ProcessorCount,
    };
}
