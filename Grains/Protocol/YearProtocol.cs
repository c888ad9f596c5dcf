using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Population;
using EcosystemSim.Model.World;

namespace EcosystemSim.Protocol;

/// <summary>
/// The year protocol, written once: how a run's agents are created, and the phases of a simulated
/// year with the data that flows between them. Every engine executes this description; an engine
/// only transports (<see cref="IAgents"/>): the in-process engine calls the phases directly on arrays
/// of state, the Orleans engine carries the same calls as grain messages to the grain that holds the
/// state. A difference between engines can therefore only be a transport bug.
/// </summary>
/// <remarks>
/// Each phase is a pure function of the state it is given (the household step updates the household
/// it is given in place: see docs/architecture.md). Nothing depends on the order in which the
/// transport delivers results: counties are sorted by id, integer sums do not depend on order, and
/// every random draw is keyed by (seed, entity, year, stream).
/// </remarks>
public static class YearProtocol
{
    // ---- Creating the agents -------------------------------------------------------------------

    /// <summary>Creates a run's agents: every county with its households, then the insurers, then the central fund.</summary>
    public static async Task<PopulationSummary> CreateAsync(IAgents agents, RunSetup setup, IReadOnlyList<CountySpec> layout, CancellationToken cancellationToken)
    {
        var counties = ByCounty(await agents.CreateCountiesAsync(setup, layout, cancellationToken), c => c.CountyId);
        var summaries = counties.Select(c => c.Summary).ToArray();
        await agents.CreateInsurersAsync(setup, setup.StartParameters.Market.Insurers.Length, summaries, cancellationToken);
        await agents.CreateCentralAsync(setup, cancellationToken);
        long persons = counties.Sum(c => c.Persons);
        return new PopulationSummary(counties.Sum(c => c.Households), persons, PopulationRules.Weight(setup.StartParameters, persons));
    }

    /// <summary>A household as it stands at the start (the household's own phase of creation).</summary>
    public static HouseholdState CreateHousehold(RunSetup setup, CountySpec county, int householdId) =>
        PopulationRules.CreateHousehold(setup.StartParameters, setup.Seed, county, householdId, setup.StartYear);

    /// <summary>What a new household tells its county: its members by pricing band.</summary>
    public static HouseholdCensus Census(RunSetup setup, HouseholdState household) =>
        HouseholdCensus.Of(household, setup.StartParameters.Market, setup.StartYear);

    /// <summary>
    /// A county's creation: its households are created (by <paramref name="createHouseholds"/>, which
    /// returns their census in household id order), then the county's own state.
    /// </summary>
    public static async ValueTask<(CountyStart Start, CountyState State)> CreateCountyAsync(
        RunSetup setup, CountySpec county, Func<ValueTask<HouseholdCensus[]>> createHouseholds)
    {
        var census = await createHouseholds();
        var summary = HouseholdCensus.Summary(county, census);
        var state = LocalGovernmentRules.InitialState(setup.StartParameters, county, setup.StartYear, summary.Persons);
        return (new CountyStart(county.Id, census.Length, summary.Persons, summary), state);
    }

    /// <summary>An insurer at the start, from what it knows of the counties (in county id order).</summary>
    public static InsurerState CreateInsurer(RunSetup setup, int insurer, CountySummary[] counties) =>
        InsurerRules.Initial(setup.StartParameters, insurer, counties);

    /// <summary>The central fund at the start.</summary>
    public static CentralState CreateCentral(RunSetup setup) => new();

    // ---- One year ------------------------------------------------------------------------------

    /// <summary>
    /// Runs year <paramref name="year"/>: (1) the central fund opens it; (2) the insurers publish
    /// their offers; (3) each local government sets local policy and steps its households; (4) it
    /// settles its accounts and reports one ledger, from which each insurer gets the county's
    /// business with its products and everyone the county's public summary; (5) the insurers settle
    /// and reprice; (6) the central fund closes the year.
    /// </summary>
    public static async Task<YearOutcome> RunYearAsync(IAgents agents, int year, CancellationToken cancellationToken)
    {
        var policy = await agents.OpenYearAsync(year, cancellationToken);                                          // 1
        var national = Publish(policy, await agents.OfferAsync(year, cancellationToken));                           // 2
        var counties = ByCounty(await agents.StepCountiesAsync(national, cancellationToken), c => c.CountyId);      // 3, 4
        var market = national.Parameters.Market;
        var summaries = counties.Select(c => LocalGovernmentRules.Summary(c.Ledger)).ToArray();
        var insurers = await agents.CloseInsurersAsync(year, RouteToInsurers(counties, market), summaries, cancellationToken); // 5
        var accounts = await agents.CloseYearAsync(year, counties.Select(c => c.Ledger).ToArray(), cancellationToken);        // 6
        cancellationToken.ThrowIfCancellationRequested();
        return new YearOutcome(year, counties, insurers, accounts);
    }

    /// <summary>Phase 1, the central fund: the national policy in force, from the parameters the timeline gives for the year.</summary>
    public static (NationalPolicy Policy, CentralState Next) OpenYear(ParameterTimeline timeline, CentralState state, int year) =>
        CentralFundRules.OpenYear(timeline.At(year), state, year);

    /// <summary>Phase 2, an insurer: what it sells this year.</summary>
    public static InsurerOffer Offer(ParameterTimeline timeline, InsurerState state, int year) =>
        InsurerRules.Offer(timeline.At(year), state, year);

    /// <summary>Phase 2, published: the national policy with every insurer's offer (in insurer order) attached.</summary>
    public static NationalPolicy Publish(NationalPolicy policy, InsurerOffer[] offers) =>
        policy with { Market = new MarketOffers(offers) };

    /// <summary>
    /// Phases 3 and 4, a local government: local policy for the year, its households stepped (by
    /// <paramref name="stepHouseholds"/>, which returns their records in household id order), its accounts
    /// settled; the county's report and its state for next year.
    /// </summary>
    public static async ValueTask<(CountyYearReport Report, CountyState Next)> StepCountyAsync(
        ulong seed, CountySpec county, CountyState state, NationalPolicy national, Func<YearContext, ValueTask<HouseholdYearRecord[]>> stepHouseholds)
    {
        var context = LocalGovernmentRules.OpenYear(seed, county, state, national);
        var records = await stepHouseholds(context);
        var (ledger, next) = LocalGovernmentRules.CloseYear(seed, county, state, context, records);
        return (new CountyYearReport(county.Id, national.Year, records, ledger), next);
    }

    /// <summary>Phase 3, a household: its year under the context its county gives it; it reports a record.</summary>
    public static HouseholdYearRecord StepHousehold(HouseholdState household, YearContext context) =>
        HouseholdRules.Step(household, context);

    /// <summary>Phase 3, a household, its record written in place (the in-process engine's array of a county's records).</summary>
    public static void StepHousehold(HouseholdState household, YearContext context, ref HouseholdYearRecord record) =>
        HouseholdRules.Step(household, context, ref record);

    /// <summary>
    /// Phase 4, routing: each insurer's share of the counties' ledgers (the county's business with the
    /// insurer's products, counties in id order). No insurer hears from a household.
    /// </summary>
    public static CountyProductReport[][] RouteToInsurers(IReadOnlyList<CountyYearReport> counties, MarketParameters market)
    {
        var routed = Enumerable.Range(0, market.Insurers.Length).Select(_ => new List<CountyProductReport>()).ToArray();
        foreach (var county in counties)
        {
            foreach (var (insurer, reports) in LocalGovernmentRules.InsurerReports(county.Ledger, market)) routed[insurer].AddRange(reports);
        }
        return routed.Select(r => r.ToArray()).ToArray();
    }

    /// <summary>Phase 5, an insurer: settles the year from its counties' reports, reprices, enters and exits.</summary>
    public static (InsurerState Next, InsurerYearReport Report) CloseInsurer(
        ParameterTimeline timeline, InsurerState state, int year, CountyProductReport[] reports, CountySummary[] counties) =>
        InsurerRules.Close(timeline.At(year), state, year, reports, counties);

    /// <summary>Phase 6, the central fund: the national accounts from the county ledgers (in county id order).</summary>
    public static (NationalAccounts Accounts, CentralState Next) CloseYear(NationalPolicy policy, CentralState state, CountyLedger[] ledgers) =>
        CentralFundRules.CloseYear(policy, state, ledgers);

    // ---- Between years (the lab) ------------------------------------------------------------------

    /// <summary>
    /// A change of policy decided between years (the lab's "change a lever now"): the timeline with
    /// the change from the next year on replaces the one the central fund and the insurers hold (the
    /// only agents that read the timeline; counties and households get the year's parameters with
    /// the national policy). The years already run read the same parameters in both timelines, so a
    /// run given the amended timeline from the start repeats the amended run exactly.
    /// </summary>
    public static RunSetup Amend(RunSetup setup, ParameterTimeline timeline) => setup with { Timeline = timeline };

    /// <summary>Results sorted by county id, whatever order the transport delivered them in.</summary>
    private static T[] ByCounty<T>(IEnumerable<T> items, Func<T, int> county) => items.OrderBy(county).ToArray();
}
