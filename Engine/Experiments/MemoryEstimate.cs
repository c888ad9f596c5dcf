using EcosystemSim.Engine.Engines;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// How much memory a run will need, estimated before it starts, so that a run that cannot fit fails
/// in its first second with the estimate and the limit instead of growing until the system kills it.
/// The figures are peaks measured with `ecosim bench` and full runs on this project's 2-core, 24 GiB
/// machine (docs/performance.md), rounded up.
/// </summary>
public static class MemoryEstimate
{
    /// <summary>Bytes per household held in process: 1,000,000 households peaked at 2.1 GB (bench, 2026-11-29).</summary>
    public const double InProcessBytesPerHousehold = 2_400;

    /// <summary>
    /// Bytes per household on the embedded silo: 1,000,000 households x 30 years peaked at 5,906,516
    /// and 5,989,188 KiB resident, about 6.1 GB with the process's base (timed runs, 2026-12-03,
    /// docs/performance.md); with <see cref="BaseBytes"/> the estimate is 6.9 GB, 13% above.
    /// </summary>
    public const double OrleansBytesPerHousehold = 6_500;

    /// <summary>The process without a population: runtime, silo, plots, report (about 250 MB measured at small sizes).</summary>
    public const double BaseBytes = 400e6;

    /// <summary>
    /// Bytes per household and year a lab run keeps for the inspector: a household's year record
    /// (HouseholdYearRecord, about 400 bytes: a test holds the constant above its size) in a list,
    /// plus its county's and insurers' records, which are few.
    /// </summary>
    public const double HistoryBytesPerHouseholdYear = 480;

    /// <summary>Bytes a lab run holds at its end: its agents on the engine and every year's records for the inspector, every replication at once.</summary>
    public static double LiveRunBytes(EngineKind engine, long households, int replications, int years) =>
        ((engine == EngineKind.InProcess ? InProcessBytesPerHousehold : OrleansBytesPerHousehold) + HistoryBytesPerHouseholdYear * years) * households * Math.Max(1, replications);

    /// <summary>Peak bytes of <paramref name="replicationsAtOnce"/> runs of <paramref name="households"/> households each on an engine.</summary>
    public static double Bytes(EngineKind engine, long households, int replicationsAtOnce) =>
        BaseBytes + (engine == EngineKind.InProcess ? InProcessBytesPerHousehold : OrleansBytesPerHousehold) * households * Math.Max(1, replicationsAtOnce);

    /// <summary>The memory this process may use: the machine's, or its container's limit.</summary>
    public static double AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Why the run cannot fit, or null when it can.</summary>
    public static string? WhyItCannotFit(EngineKind engine, long households, int replicationsAtOnce)
    {
        double need = Bytes(engine, households, replicationsAtOnce), have = AvailableBytes;
        if (need <= have) return null;
        string engineName = EngineHost.Name(engine);
        return FormattableString.Invariant(
            $"the run would need about {need / 1e9:0.#} GB ({households:N0} households x {Math.Max(1, replicationsAtOnce)} replication(s) at once on the {engineName} engine) ") +
            FormattableString.Invariant($"but this machine allows {have / 1e9:0.#} GB; use fewer households, --parallel 1") +
            (engine == EngineKind.Orleans ? " or --engine inprocess" : "");
    }
}
