namespace EcosystemSim.Model.Random;

/// <summary>
/// A counter-based random generator: every number is a pure function of
/// (seed, entity, year, stream, draw). Nothing is carried between draws, so the
/// order in which agents are stepped, the engine, the silo count and the thread
/// count cannot change a result. Streams are keyed by purpose so that a reform
/// that changes one decision leaves every other draw unchanged (common random
/// numbers for paired comparisons).
/// </summary>
/// <remarks>
/// Mixing is the SplitMix64 finaliser (Steele, Lea and Flood 2014, "Fast splittable
/// pseudorandom number generators"), applied once per key component so that nearby
/// keys give unrelated outputs.
/// </remarks>
public readonly struct Rng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private readonly ulong _key;

    public Rng(ulong seed, ulong entity, int year, RngStream stream)
    {
        ulong k = Mix(seed ^ Golden);
        k = Mix(k ^ entity);
        k = Mix(k ^ ((ulong)(uint)year << 32) ^ (uint)stream);
        _key = k;
    }

    /// <summary>The draw-th 64 random bits of this (seed, entity, year, stream).</summary>
    public ulong Bits(uint draw) => Mix(_key + (draw + 1UL) * Golden);

    /// <summary>Uniform on [0, 1) with 53 bits of precision.</summary>
    public double Uniform(uint draw) => (Bits(draw) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on the open interval (0, 1): safe for logarithms and quantiles.</summary>
    public double UniformOpen(uint draw) => ((Bits(draw) >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by inversion (one uniform per draw, so draws stay independent of each other).</summary>
    public double Normal(uint draw) => Distributions.NormalQuantile(UniformOpen(draw));

    /// <summary>True with probability p.</summary>
    public bool Bernoulli(uint draw, double p) => Uniform(draw) < p;

    /// <summary>Index drawn from a discrete distribution given by its cumulative weights (increasing).</summary>
    public int Categorical(uint draw, ReadOnlySpan<double> cumulative)
    {
        double u = Uniform(draw) * cumulative[^1];
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
