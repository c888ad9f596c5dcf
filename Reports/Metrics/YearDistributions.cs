using EcosystemSim.Model;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// A year's income distributions over persons, built once and shared by every metric: households'
/// per-capita disposable and market incomes, bottom-coded, each household weighted by its members
/// and grouped by region. Regional distributions are subsets of the national one (sorted once).
/// </summary>
public sealed class YearDistributions
{
    /// <summary>Incomes below this are raised to it for inequality and poverty measures (OUTPUTS.md: bottom-coded at 1 yuan).</summary>
    public const double BottomCodeYuan = 1;

    private readonly Dictionary<(Region, bool), IncomeDistribution> _regional = [];

    public YearDistributions(IReadOnlyList<HouseholdYearRecord> households)
    {
        var disposable = new List<(double, double, int)>(households.Count);
        var market = new List<(double, double, int)>(households.Count);
        var positions = new List<int>(households.Count);
        int i = 0;
        foreach (var r in households)
        {
            if (r.Members > 0)
            {
                disposable.Add((PerCapita(r.DisposableIncomeFen, r.Members), r.Members, (int)r.Region));
                market.Add((PerCapita(r.MarketIncomeFen, r.Members), r.Members, (int)r.Region));
                positions.Add(i);
            }
            i++;
        }
        Disposable = new IncomeDistribution(disposable);
        Market = new IncomeDistribution(market);
        HouseholdPositions = [.. positions];
    }

    /// <summary>The per-capita income of a household as the distributions use it.</summary>
    public static double PerCapita(long fen, int members) => Math.Max(BottomCodeYuan, Money.ToYuan(fen) / members);

    /// <summary>Per-capita disposable income over persons, nationally.</summary>
    public IncomeDistribution Disposable { get; }

    /// <summary>Per-capita market income over persons, nationally.</summary>
    public IncomeDistribution Market { get; }

    /// <summary>For each observation of the distributions (in input order), the household's position in the year's records.</summary>
    public int[] HouseholdPositions { get; }

    /// <summary>A distribution for a scope: national (null) or one region.</summary>
    public IncomeDistribution For(Region? region, bool market)
    {
        if (region is not { } r) return market ? Market : Disposable;
        if (!_regional.TryGetValue((r, market), out var d))
        {
            d = (market ? Market : Disposable).Subset((int)r);
            _regional[(r, market)] = d;
        }
        return d;
    }
}
