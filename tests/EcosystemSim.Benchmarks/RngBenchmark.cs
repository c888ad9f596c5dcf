using BenchmarkDotNet.Attributes;
using EcosystemSim.Model.Random;

namespace EcosystemSim.Benchmarks;

/// <summary>The counter-based generator: keying a stream and drawing from it.</summary>
public class RngBenchmark
{
    private ulong _entity;

    [Benchmark]
    public Rng Key() => new(20210701, ++_entity, 2021, RngStream.Admissions);

    [Benchmark(OperationsPerInvoke = 16)]
    public double Uniform()
    {
        var rng = new Rng(20210701, ++_entity, 2021, RngStream.Admissions);
        double sum = 0;
        for (uint d = 0; d < 16; d++) sum += rng.Uniform(d);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public double Normal()
    {
        var rng = new Rng(20210701, ++_entity, 2021, RngStream.Admissions);
        double sum = 0;
        for (uint d = 0; d < 16; d++) sum += rng.Normal(d);
        return sum;
    }
}
