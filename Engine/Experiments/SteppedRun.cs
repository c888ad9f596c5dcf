using System.Diagnostics;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using Serilog;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// One run, a year at a time: its agents are created at once, then each <see cref="StepAsync"/>
/// runs the protocol for the next year and hands the year's records to the metric registry (the
/// protocol's last step). <see cref="Experiment.RunOnceAsync"/> steps one to the end; the lab
/// steps, pauses, amends and inspects one. Both are this loop, so both give the same bytes.
/// </summary>
public sealed class SteppedRun : IAsyncDisposable
{
    private readonly IAgents _agents;
    private readonly int _replication;
    private readonly string _label;
    private readonly RunObserver _observer;
    private readonly ILogger _log;
    private readonly List<double> _yearSeconds = [];
    private readonly List<double> _yearCpuSeconds = [];
    private readonly Stopwatch _wall = new();
    private double _metricsSeconds;
    private Task _pending = Task.CompletedTask;

    /// <summary>
    /// The memory every year's metrics are built in, one year after another (<see cref="RunObserver.ReuseRecordMemory"/>):
    /// a year's metrics start once the year before's are done, and hand it on when they end.
    /// </summary>
    private readonly MetricMemory? _metricMemory;

    private SteppedRun(IAgents agents, RunPlan plan, int replication, string label, RunObserver observer, ILogger log, PopulationSummary population, double initialise)
    {
        _agents = agents;
        Plan = plan;
        _replication = replication;
        _label = label;
        _observer = observer;
        _log = log;
        Population = population;
        InitialiseSeconds = initialise;
        NextYear = plan.StartYear;
        _metricMemory = observer.ReuseRecordMemory ? new MetricMemory() : null;
    }

    /// <summary>The plan, with the timeline as last amended.</summary>
    public RunPlan Plan { get; private set; }

    public PopulationSummary Population { get; }

    public double InitialiseSeconds { get; }

    /// <summary>The year the next step runs.</summary>
    public int NextYear { get; private set; }

    /// <summary>Every year of the plan has run.</summary>
    public bool Done => NextYear >= Plan.StartYear + Plan.Years;

    /// <summary>The metrics of the years done (complete once <see cref="FinishAsync"/> has returned, or after each step when metrics do not overlap).</summary>
    public MetricsTable Metrics { get; } = new();

    public LorenzTable Lorenz { get; } = new();

    /// <summary>
    /// Creates the run's agents on the engine (the protocol's creation), ready for the first year;
    /// or, given a checkpoint, puts them back as it holds them, ready for the year after it, with
    /// the metrics and curves of the years it had done.
    /// </summary>
    public static async Task<SteppedRun> StartAsync(EngineHost engine, RunPlan plan, int replication, string label, RunObserver observer, ILogger log,
        CancellationToken cancellationToken, ReplicationCheckpoint? from = null)
    {
        var agents = engine.Create(plan.RunId);
        try
        {
            var clock = Stopwatch.StartNew();
            PopulationSummary population;
            if (from is null)
            {
                population = await YearProtocol.CreateAsync(agents, plan.Setup, plan.Layout, cancellationToken);
            }
            else
            {
                await agents.RestoreAsync(plan.Setup, plan.Layout, from.Agents, cancellationToken);
                population = from.Population;
            }
            double initialise = clock.Elapsed.TotalSeconds;
            log.Information("{Action} {Households} households ({Persons} persons, weight {Weight:F1}) in {Seconds:F1}s on the {Engine} engine",
                from is null ? "Created" : $"Restored from the end of {from.LastYear}:", population.Households, population.Persons, population.Weight, initialise, agents.Engine);
            var run = new SteppedRun(agents, plan, replication, label, observer, log, population, initialise);
            if (from is not null)
            {
                run.NextYear = from.LastYear + 1;
                run.Metrics.AddRange(from.Metrics);
                run.Lorenz.AddRange(from.Lorenz);
            }
            return run;
        }
        catch
        {
            await agents.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs the next year. With <see cref="RunObserver.OverlapMetrics"/> the year's metrics are
    /// computed while the engine steps the following one (in year order, so the tables are the same
    /// as in line); otherwise they are in <see cref="Metrics"/> when this returns. The records
    /// returned stay valid until the next step begins when the observer allows their memory to be
    /// reused (<see cref="RunObserver.ReuseRecordMemory"/>), for good otherwise.
    /// </summary>
    public async Task<YearRecords> StepAsync(CancellationToken cancellationToken)
    {
        if (Done) throw new InvalidOperationException($"the run has done all its {Plan.Years} years");
        _wall.Start();
        try
        {
            int year = NextYear;
            // The last year's caller has moved on (RunObserver.ReuseRecordMemory); its metrics are done unless they run beside this year.
            if (_observer.ReuseRecordMemory) _agents.ReleaseRecords(_observer.OverlapMetrics ? year - 2 : year - 1);
            var yearClock = Stopwatch.StartNew();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var outcome = await RunYearAsync(year, cancellationToken);
            double seconds = yearClock.Elapsed.TotalSeconds;
            _yearSeconds.Add(seconds);
            _yearCpuSeconds.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
            var records = Records(outcome);
            await _pending;
            if (_observer.OverlapMetrics) _pending = Task.Run(() => Collect(records), cancellationToken);
            else Collect(records);
            NextYear = year + 1;
            _log.Information("Year {Year} of replication {Replication} done in {Seconds:F2}s ({Rate:N0} household-years/s)",
                year, _replication, seconds, Population.Households / Math.Max(seconds, 1e-9));
            return records;
        }
        finally
        {
            _wall.Stop();
        }
    }

    /// <summary>Between years: the parameters from the next year on change (<see cref="YearProtocol.Amend"/>).</summary>
    public async Task AmendAsync(ParameterTimeline timeline, CancellationToken cancellationToken)
    {
        await _agents.AmendAsync(timeline, cancellationToken);
        Plan = Plan with { Setup = YearProtocol.Amend(Plan.Setup, timeline) };
    }

    /// <summary>
    /// Between years: the run as a checkpoint holds it (the last year's metrics in first). The
    /// agents' state is valid until the next step: write it before stepping on.
    /// </summary>
    public async Task<ReplicationCheckpoint> CheckpointAsync(string scenarioJson, CancellationToken cancellationToken)
    {
        if (NextYear == Plan.StartYear) throw new InvalidOperationException("no year has run: nothing to checkpoint");
        await _pending;
        var agents = await _agents.SaveAsync(cancellationToken);
        return new ReplicationCheckpoint(_replication, NextYear - 1, scenarioJson, Population, agents, [.. Metrics.Rows], [.. Lorenz.Points]);
    }

    /// <summary>Between years: one agent as it is now (null when the run has no such agent).</summary>
    public Task<AgentView?> InspectAsync(AgentKind kind, int id, CancellationToken cancellationToken) => _agents.InspectAsync(kind, id, cancellationToken);

    /// <summary>The run's result once every year has run and its metrics are in.</summary>
    public async Task<RunResult> FinishAsync()
    {
        _wall.Start();
        await _pending;
        _wall.Stop();
        return new RunResult(Metrics, Lorenz, Population)
        {
            InitialiseSeconds = InitialiseSeconds,
            YearSeconds = _yearSeconds.ToArray(),
            YearCpuSeconds = _yearCpuSeconds.ToArray(),
            MetricsSeconds = _metricsSeconds,
            WallSeconds = _wall.Elapsed.TotalSeconds,
        };
    }

    public async ValueTask DisposeAsync()
    {
        // A failed or cancelled year must not leave last year's metrics (and the observer's writes) running behind it.
        if (!_pending.IsCompleted) await _pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await _agents.DisposeAsync();
    }

    private void Collect(YearRecords records)
    {
        var clock = Stopwatch.StartNew();
        double priceLevel = Plan.PriceLevel(records.Year);
        Metrics.AddRange(PriceIndex.Deflate(MetricRegistry.Compute(records, _replication, Plan.BreakdownsByRegion), priceLevel));
        Lorenz.Add(records, _replication);
        _metricsSeconds += clock.Elapsed.TotalSeconds;
        try
        {
            _observer.YearDone?.Invoke(new YearDone(_label, _replication, records, Population.Households) { PriceLevel = priceLevel });
        }
        finally
        {
            // The observer has heard of the year: the next year's metrics take the memory of its distributions.
            if (records.Memory is not null) records.ReleaseMetricMemory();
        }
    }

    /// <summary>
    /// One year of the protocol. Money is whole fen in 64 bits with checked conversions, so a
    /// scenario whose growth rates compound past 92 quadrillion yuan stops with a
    /// <see cref="ModelRangeException"/> naming the year, never with a wrapped-around number.
    /// </summary>
    private async Task<YearOutcome> RunYearAsync(int year, CancellationToken cancellationToken)
    {
        try
        {
            return await YearProtocol.RunYearAsync(_agents, year, cancellationToken);
        }
        catch (Exception e) when (e.GetBaseException() is OverflowException)
        {
            _log.ForContext("FileOnly", true).Error(e, "Year {Year} overflowed", year);
            throw new ModelRangeException(
                $"year {year}: an amount of money passed the most the model holds (92 quadrillion yuan); the scenario's growth rates " +
                "compound too far over its years (lower the growth rates, the number of years or the gap between the start year and the base years)");
        }
    }

    /// <summary>A year's records as the metric registry reads them, in the run's metric memory when the observer allows it.</summary>
    private YearRecords Records(YearOutcome outcome) =>
        new(outcome.Year, new ChunkedList<HouseholdYearRecord>(outcome.Counties.Select(c => c.Households).ToArray()),
            outcome.Counties.Select(c => c.Ledger).ToArray(), outcome.National, Population.Weight)
        {
            Insurers = outcome.Insurers,
            Parameters = Plan.Setup.Timeline.At(outcome.Year),
            Memory = _metricMemory,
        };
}

/// <summary>A run whose numbers left the range the model holds: the scenario's values, together, are beyond the model.</summary>
public sealed class ModelRangeException(string message) : Exception(message);
