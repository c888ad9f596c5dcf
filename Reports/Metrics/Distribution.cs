namespace EcosystemSim.Reports.Metrics;

/// <summary>Distributional statistics over weighted observations (exact, by sorting).</summary>
public static class Distribution
{
    /// <summary>
    /// Mean value in each of <paramref name="groups"/> equal-weight groups of the sorted observations
    /// (quintiles for 5); an observation on a boundary is split between the groups by its weight.
    /// </summary>
    public static double[] GroupMeans(IReadOnlyList<(double Value, double Weight)> observations, int groups)
    {
        var sorted = observations.OrderBy(o => o.Value).ToArray();
        double total = sorted.Sum(o => o.Weight);
        var sums = new double[groups];
        var weights = new double[groups];
        double below = 0;
        foreach (var (value, weight) in sorted)
        {
            // The observation covers the cumulative weight [below, below + weight); share it by overlap.
            double from = below / total * groups, to = (below + weight) / total * groups;
            for (int g = (int)Math.Floor(from); g < groups && g < to; g++)
            {
                double overlap = (Math.Min(to, g + 1) - Math.Max(from, g)) * total / groups;
                if (overlap <= 0) continue;
                sums[g] += value * overlap;
                weights[g] += overlap;
            }
            below += weight;
        }
        return sums.Select((s, g) => weights[g] == 0 ? double.NaN : s / weights[g]).ToArray();
    }

    /// <summary>
    /// The weighted median: the smallest value at which the cumulative weight reaches half the total.
    /// Ties are broken by value only, so the result does not depend on the input order.
    /// </summary>
    public static double WeightedMedian(IReadOnlyList<(double Value, double Weight)> observations)
    {
        if (observations.Count == 0) return double.NaN;
        var sorted = observations.OrderBy(o => o.Value).ToArray();
        double total = sorted.Sum(o => o.Weight), running = 0;
        foreach (var (value, weight) in sorted)
        {
            running += weight;
            if (running >= total / 2) return value;
        }
        return sorted[^1].Value;
    }
}
