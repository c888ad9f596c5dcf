using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Market;

/// <summary>A household's business with each product during a year, allocated only if it has any.</summary>
public sealed class MarketLedger(int products)
{
    private ProductUse[]? _uses;

    public ref ProductUse For(int product)
    {
        _uses ??= new ProductUse[products];
        _uses[product].Product = product;
        return ref _uses[product];
    }

    /// <summary>The non-empty uses in product order, or null when there are none.</summary>
    public ProductUse[]? ToArray()
    {
        if (_uses is null) return null;
        int n = 0;
        foreach (ref readonly var u in _uses.AsSpan()) if (!u.IsEmpty) n++;
        if (n == 0) return null;
        var result = new ProductUse[n];
        int i = 0;
        foreach (ref readonly var u in _uses.AsSpan()) if (!u.IsEmpty) result[i++] = u;
        return result;
    }

    public static MarketLedger For(MarketParameters market) => new(market.Products.Length);
}
