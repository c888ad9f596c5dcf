using System.Diagnostics;
using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// A scenario's replications stepped together a year at a time, with policy changed between years
/// and agents open to inspection: the lab's run. Each replication is a <see cref="SteppedRun"/>,
/// the loop every run goes through, and every change is recorded in <see cref="Scenario"/> as an
/// intervention, so the finished run's scenario repeats it byte for byte as a batch run. Not
/// thread-safe: one caller at a time.
/// </summary>
public sealed class LiveRun : IAsyncDisposable
{
    private readonly SteppedRun[] _runs;
    private readonly Experiment _experiment;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    private LiveRun(Experiment experiment, Scenario scenario, SteppedRun[] runs)
    {
        _experiment = experiment;
        Scenario = scenario;
        _runs = runs;
    }

    /// <summary>The scenario with every change made so far as an intervention.</summary>
    public Scenario Scenario { get; private set; }

    /// <summary>The year the next step runs.</summary>
    public int NextYear => _runs[0].NextYear;

    /// <summary>The parameters the next year runs under (the last year's once every year has run): the scenario's with its interventions.</summary>
    public Model.Parameters.ModelParameters ParametersInForce => ScenarioTimeline.Compile(Scenario).At(Done ? Scenario.EndYear : NextYear);

    /// <summary>Every year has run.</summary>
    public bool Done => _runs[0].Done;

    /// <summary>Counties, households and insurers of each replication's world (the same layout in every one).</summary>
    public RunPlan Plan(int replication) => _runs[replication].Plan;

    public PopulationSummary Population(int replication) => _runs[replication].Population;

    /// <summary>Each replication's metrics of the years done, in replication order.</summary>
    public IReadOnlyList<MetricsTable> Metrics => _runs.Select(r => r.Metrics).ToArray();

    /// <summary>Each replication's records of the last year done (null before the first).</summary>
    public IReadOnlyList<YearRecords?> LastYear { get; private set; } = [];

    /// <summary>Creates every replication's agents, paused before the first year. Agents keep their history for inspection.</summary>
    internal static async Task<LiveRun> StartAsync(Experiment experiment, Scenario scenario, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var timeline = ScenarioTimeline.Compile(scenario);
        string batch = Guid.NewGuid().ToString("N");
        var observer = new RunObserver { OverlapMetrics = false };
        var starts = Enumerable.Range(0, scenario.Replications).Select(r =>
        {
            var plan = RunPlan.For(scenario, timeline, r, $"{scenario.Name}-lab-{batch}-r{r}");
            plan = plan with { Setup = plan.Setup with { KeepHistory = true } };
            return SteppedRun.StartAsync(experiment.Engine, plan, r, scenario.Name, observer, log, cancellationToken);
        }).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            throw;
        }
        var live = new LiveRun(experiment, scenario, starts.Select(s => s.Result).ToArray());
        live.LastYear = new YearRecords?[scenario.Replications];
        return live;
    }

    /// <summary>Runs the next year in every replication; its metrics are in <see cref="Metrics"/> when this returns.</summary>
    public async Task<int> StepAsync(CancellationToken cancellationToken)
    {
        int year = NextYear;
        LastYear = await Task.WhenAll(_runs.Select(r => r.StepAsync(cancellationToken)));
        return year;
    }

    /// <summary>
    /// Changes parameters from the next year on: each value is checked as an intervention's set is
    /// (problems name <c>set.PATH</c>), the scenario gains the intervention, and every agent that
    /// reads the timeline takes the new one. Throws a <see cref="ScenarioException"/> listing every
    /// problem, changing nothing.
    /// </summary>
    public async Task<Intervention> InterveneAsync(IReadOnlyList<KeyValuePair<string, string>> set, string note, CancellationToken cancellationToken)
    {
        if (Done) throw new InvalidOperationException("the run has finished");
        const string Source = "intervention";
        var problems = new List<ScenarioProblem>();
        if (set.Count == 0) problems.Add(new(Source, 0, 0, "set", "give at least one PATH: VALUE"));
        var changes = set.SelectMany(kv => ScenarioChanges.Parse(Scenario, kv.Key, kv.Value, Source, $"set.{kv.Key}", problems)).ToArray();
        if (problems.Count > 0) throw new ScenarioException(problems);
        var amended = ScenarioChanges.Intervene(Scenario, NextYear, changes, note, Source, problems);
        if (problems.Count > 0) throw new ScenarioException(problems);
        var timeline = ScenarioTimeline.Compile(amended);
        if (Fork.PricePathChanged(ScenarioTimeline.Compile(Scenario), timeline, NextYear - 1, Scenario.PricesYear) is { } changed)
        {
            throw new ScenarioException([new(Source, 0, 0, "set.central.price_inflation",
                $"money is at {Scenario.PricesYear} prices, and the years done were deflated with inflation up to then: change inflation from {Scenario.PricesYear + 1} on (this change moves {changed})")]);
        }
        foreach (var run in _runs) await run.AmendAsync(timeline, cancellationToken);
        Scenario = amended;
        return amended.Interventions[^1];
    }

    /// <summary>One agent of a replication as it is now; null when there is no such agent or replication.</summary>
    public Task<AgentView?> InspectAsync(int replication, AgentKind kind, int id, CancellationToken cancellationToken) =>
        replication < 0 || replication >= _runs.Length ? Task.FromResult<AgentView?>(null) : _runs[replication].InspectAsync(kind, id, cancellationToken);

    /// <summary>The finished run as a batch run's result (what <see cref="Experiment.RunAsync"/> returns), for writing its run directory.</summary>
    public async Task<ScenarioResult> ResultAsync()
    {
        if (!Done) throw new InvalidOperationException($"the run has not finished (next year {NextYear})");
        var results = await Task.WhenAll(_runs.Select(r => r.FinishAsync()));
        return new ScenarioResult(Scenario, results, _experiment.Engine.Engine, _experiment.Engine.Silos, _wall.Elapsed);
    }

    /// <summary>
    /// Paired differences of <paramref name="other"/> against this run over the years both have
    /// done, as `compare` computes them; null when the two are not the same draws of the world
    /// (seed, households, start year, replications).
    /// </summary>
    public ComparisonTable? PairedWith(LiveRun other)
    {
        var (a, b) = (Scenario, other.Scenario);
        if (a.Seed != b.Seed || a.Households != b.Households || a.StartYear != b.StartYear || a.Replications != b.Replications) return null;
        int lastYear = Math.Min(NextYear, other.NextYear);
        MetricsTable[] Upto(LiveRun run) => run.Metrics.Select(t =>
        {
            var table = new MetricsTable();
            table.AddRange(t.Rows.Where(r => r.Year < lastYear));
            return table;
        }).ToArray();
        return ComparisonTable.Of(Upto(this), [(b.Name, Upto(other))]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs) await run.DisposeAsync();
    }
}
