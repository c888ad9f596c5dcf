using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;

namespace EcosystemSim.Reports.Metrics;

/// <summary>Everything a simulated year left behind: the input of every metric.</summary>
/// <param name="Year">The year.</param>
/// <param name="Households">Every household's record, in household id order.</param>
/// <param name="Ledgers">Every county's ledger, in county id order.</param>
/// <param name="National">The central fund's accounts.</param>
/// <param name="Weight">Real persons (and households) each simulated one stands for.</param>
public sealed record YearRecords(
    int Year,
    IReadOnlyList<HouseholdYearRecord> Households,
    IReadOnlyList<CountyLedger> Ledgers,
    NationalAccounts National,
    double Weight)
{
    /// <summary>Every insurer's report, in insurer order.</summary>
    public IReadOnlyList<InsurerYearReport> Insurers { get; init; } = [];

    /// <summary>The parameters in force (for names of insurers and products, and the equivalence scale of income measures).</summary>
    public Model.Parameters.ModelParameters? Parameters { get; init; }

    private YearDistributions? _distributions;
    private ProductHoldings? _holdings;
    private IReadOnlyList<HouseholdYearRecord[]>? _chunks;

    /// <summary>
    /// <see cref="Households"/> as the arrays it is made of, in household id order, for passes that
    /// read each record in place (<see cref="RecordChunks"/>); never written.
    /// </summary>
    public IReadOnlyList<HouseholdYearRecord[]> HouseholdChunks => _chunks ??= RecordChunks.Of(Households);

    /// <summary>Who holds each product, from the households' records, built on first use.</summary>
    public ProductHoldings Holdings => _holdings ??= new ProductHoldings(HouseholdChunks, Distributions, Parameters?.Market.Products.Length ?? 0);

    /// <summary>
    /// Memory the year's distributions are built in and that a later year's will reuse once
    /// <see cref="ReleaseMetricMemory"/> has handed it on (<see cref="MetricMemory"/>); new arrays when null.
    /// </summary>
    public MetricMemory? Memory { get; init; }

    private bool _memoryReleased;

    /// <summary>The year's income distributions over persons, built on first use.</summary>
    public YearDistributions Distributions => _distributions ??= _memoryReleased
        ? throw new InvalidOperationException($"the metric memory of {Year} has been handed on to a later year")
        : new YearDistributions(HouseholdChunks, Parameters?.Welfare.EquivalenceScale ?? Model.Welfare.EquivalenceScale.PerCapita, Memory);

    /// <summary>
    /// The year's metrics are done and heard of: its <see cref="Memory"/> may take a later year's
    /// distributions, and this year's can no longer be read.
    /// </summary>
    public void ReleaseMetricMemory()
    {
        _memoryReleased = true;
        _distributions?.Release();
    }
}
