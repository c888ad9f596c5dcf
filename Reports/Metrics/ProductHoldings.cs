using EcosystemSim.Model.Households;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// Who holds each supplementary product in a year, counted from the households' own records: the
/// households with at least one member holding (or contributing to) it, and its holders in each
/// national fifth of disposable income per person (the quintiles of <see cref="YearDistributions"/>).
/// Built once a year, on first use.
/// </summary>
public sealed class ProductHoldings
{
    private readonly long[] _households;
    private readonly long[,] _byQuintile;

    /// <summary>From the year's records as arrays in household id order (<see cref="YearRecords.HouseholdChunks"/>), read in place.</summary>
    public ProductHoldings(IReadOnlyList<HouseholdYearRecord[]> households, YearDistributions distributions, int products)
    {
        _households = new long[products];
        _byQuintile = new long[products, 5];
        var quintiles = distributions.Quintiles();
        int at = 0;
        foreach (var chunk in households)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                if (r.Members == 0) continue;
                int quintile = quintiles[at++] - 1;
                if (r.Products is not { } uses) continue;
                foreach (var use in uses)
                {
                    if (use.Policies == 0 || use.Product < 0 || use.Product >= products) continue;
                    _households[use.Product]++;
                    _byQuintile[use.Product, quintile] += use.Policies;
                }
            }
        }
    }

    /// <summary>Households holding product <paramref name="product"/>.</summary>
    public long Households(int product) => product >= 0 && product < _households.Length ? _households[product] : 0;

    /// <summary>Policies of product <paramref name="product"/> held in fifth <paramref name="quintile"/> (0 poorest).</summary>
    public long InQuintile(int product, int quintile) => product >= 0 && product < _households.Length ? _byQuintile[product, quintile] : 0;
}
