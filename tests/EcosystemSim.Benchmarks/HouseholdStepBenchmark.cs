using BenchmarkDotNet.Attributes;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Population;
using EcosystemSim.Model.World;

namespace EcosystemSim.Benchmarks;

/// <summary>
/// One household-year of the calibrated baseline: the per-household work of both engines. Each
/// iteration steps a fresh county of households through 2021, so every step is a first-year step.
/// </summary>
[MemoryDiagnoser]
public class HouseholdStepBenchmark
{
    private const int Households = 2000;

    private readonly ModelParameters _parameters = new();
    private CountySpec _county = null!;
    private YearContext _context = null!;
    private HouseholdState[] _households = [];

    [GlobalSetup]
    public void Setup()
    {
        _county = WorldLayout.Build(_parameters, Households * 40, 20210701)[0];
        var (national, _) = CentralFundRules.OpenYear(_parameters, new CentralState(), 2021);
        var state = LocalGovernmentRules.InitialState(_parameters, _county, 2021, 3 * _county.HouseholdCount);
        _context = LocalGovernmentRules.OpenYear(20210701, _county, state, national);
    }

    [IterationSetup]
    public void CreateHouseholds() => _households = Enumerable.Range(0, _county.HouseholdCount)
        .Select(i => PopulationRules.CreateHousehold(_parameters, 20210701, _county, _county.FirstHouseholdId + i, 2021)).ToArray();

    [Benchmark(OperationsPerInvoke = Households)]
    public long Step()
    {
        long sum = 0;
        foreach (var household in _households) sum += HouseholdRules.Step(household, _context).DisposableIncomeFen;
        return sum;
    }
}
