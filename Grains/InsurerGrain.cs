using EcosystemSim.Contracts;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Grains;

/// <summary>Holds an insurer's books and applies the insurer rules (the year protocol, steps 2 and 5).</summary>
[KeepAlive]
public sealed class InsurerGrain : Grain, IInsurerGrain
{
    private ParameterTimeline? _timeline;
    private InsurerState? _state;
    private readonly SortedDictionary<int, CountyProductReport[]> _reports = [];
    private int _reportYear;

    public Task Initialize(ParameterTimeline timeline, CountySummary[] counties)
    {
        _timeline = timeline;
        _state = InsurerRules.Initial(timeline.Parameters[0], (int)this.GetPrimaryKeyLong(out _), counties);
        return Task.CompletedTask;
    }

    public Task<InsurerOffer> Offer(int year) => Task.FromResult(InsurerRules.Offer(Timeline.At(year), State, year));

    public Task Report(int year, int county, CountyProductReport[] reports)
    {
        if (year != _reportYear)
        {
            _reports.Clear();
            _reportYear = year;
        }
        _reports[county] = reports; // a repeated report replaces the first
        return Task.CompletedTask;
    }

    public Task<InsurerYearReport> Close(int year, CountySummary[] counties)
    {
        var reports = year == _reportYear ? _reports.Values.SelectMany(r => r).ToArray() : [];
        (_state, var report) = InsurerRules.Close(Timeline.At(year), State, year, reports, counties);
        _reports.Clear();
        return Task.FromResult(report);
    }

    public Task Shutdown()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private ParameterTimeline Timeline => _timeline ?? throw new InvalidOperationException("insurer used before initialisation");

    private InsurerState State => _state ?? throw new InvalidOperationException("insurer used before initialisation");
}
