using System.Runtime.CompilerServices;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Population;

/// <summary>
/// Cumulative distributions derived once per set of population parameters: household size, the
/// age of a household's reference person, and the age of every other member. The two age
/// distributions are chosen so that all members together follow the age pyramid exactly in
/// expectation: pyramid = (1/m) head + (1 - 1/m) others, m the mean household size.
/// </summary>
internal sealed class AgeTables
{
    private static readonly ConditionalWeakTable<PopulationParameters, AgeTables> Cache = new();

    private AgeTables(PopulationParameters p)
    {
        SizeCumulative = Cumulative(p.HouseholdSizeShares);
        double meanSize = 0, total = p.HouseholdSizeShares.Sum();
        for (int k = 0; k < p.HouseholdSizeShares.Length; k++) meanSize += (k + 1) * p.HouseholdSizeShares[k] / total;

        double[] pyramid = SingleYearAges(p);
        double[] head = new double[pyramid.Length];
        for (int a = p.HeadMinimumAge; a < pyramid.Length; a++) head[a] = pyramid[a];
        Normalise(head);

        double[] others = new double[pyramid.Length];
        if (meanSize > 1)
        {
            for (int a = 0; a < pyramid.Length; a++)
            {
                others[a] = Math.Max(0, (pyramid[a] - head[a] / meanSize) / (1 - 1 / meanSize));
            }
        }
        else
        {
            Array.Copy(pyramid, others, pyramid.Length);
        }
        HeadAgeCumulative = Cumulative(head);
        OtherAgeCumulative = Cumulative(others);
    }

    public double[] SizeCumulative { get; }

    public double[] HeadAgeCumulative { get; }

    public double[] OtherAgeCumulative { get; }

    public static AgeTables For(PopulationParameters p) => Cache.GetValue(p, static q => new AgeTables(q));

    /// <summary>The pyramid by single year of age, 0..MaxAge, spreading each band evenly over its years.</summary>
    internal static double[] SingleYearAges(PopulationParameters p)
    {
        var ages = new double[p.MaxAge + 1];
        int bands = p.AgeBandShares.Length;
        for (int b = 0; b < bands; b++)
        {
            int from = 5 * b;
            int to = b == bands - 1 ? p.MaxAge : Math.Min(p.MaxAge, from + 4);
            for (int a = from; a <= to; a++) ages[a] = p.AgeBandShares[b] / (to - from + 1);
        }
        Normalise(ages);
        return ages;
    }

    private static void Normalise(double[] weights)
    {
        double sum = weights.Sum();
        for (int i = 0; i < weights.Length; i++) weights[i] /= sum;
    }

    private static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var cumulative = new double[weights.Count];
        double running = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            running += weights[i];
            cumulative[i] = running;
        }
        return cumulative;
    }
}
