using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;

namespace EcosystemSim.Model.World;

/// <summary>Lays out regions, counties and household ids for a run: a pure function of parameters, size and seed.</summary>
public static class WorldLayout
{
    /// <summary>Total counties the parameters ask for.</summary>
    public static int CountyCount(PopulationParameters p) => p.Counties.Values.Sum();

    /// <summary>
    /// Households are split between regions by the region shares (largest remainder), and within
    /// a region evenly between its counties. Ids are contiguous per county, regions in the order
    /// east, central, west, northeast. Each county draws an income level, a top-up level and the
    /// year the scheme reached it.
    /// </summary>
    public static CountySpec[] Build(ModelParameters parameters, int households, ulong seed)
    {
        var pop = parameters.Population;
        int countyTotal = CountyCount(pop);
        if (households < countyTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(households), households,
                $"at least one household per county is needed ({countyTotal} counties)");
        }

        int[] perRegion = Apportion(households, [.. pop.RegionShares.Values]);
        // Every county needs a household: move households from the largest regions if a share rounds too low.
        for (int r = 0; r < perRegion.Length; r++)
        {
            int need = pop.Counties[Regions.All[r]];
            while (perRegion[r] < need)
            {
                int donor = Array.IndexOf(perRegion, perRegion.Max());
                perRegion[donor]--;
                perRegion[r]++;
            }
        }

        var counties = new List<CountySpec>(countyTotal);
        int nextHousehold = 0;
        foreach (var region in Regions.All)
        {
            int n = pop.Counties[region];
            int regionHouseholds = perRegion[(int)region];
            for (int c = 0; c < n; c++)
            {
                int id = counties.Count;
                int count = regionHouseholds / n + (c < regionHouseholds % n ? 1 : 0);
                var rng = new Rng(seed, Entity.County(id), 0, RngStream.CountyIncome);
                double incomeSd = parameters.Income.CountySpread;
                double incomeFactor = Math.Exp(incomeSd * rng.Normal(0) - incomeSd * incomeSd / 2);
                var topUpRng = new Rng(seed, Entity.County(id), 0, RngStream.CountyTopUp);
                double topUpSd = parameters.Pension.TopUpCountySpread;
                double topUpFactor = Math.Pow(incomeFactor, parameters.Pension.TopUpCountyIncomeElasticity) *
                                     Math.Exp(topUpSd * topUpRng.Normal(0) - topUpSd * topUpSd / 2);
                var startRng = new Rng(seed, Entity.County(id), 0, RngStream.CountySchemeStart);
                int span = Math.Max(0, parameters.Pension.SchemeCompleteYear - parameters.Pension.SchemeStartYear) + 1;
                int start = parameters.Pension.SchemeStartYear + (int)(startRng.Uniform(0) * span);
                counties.Add(new CountySpec(id, region, nextHousehold, count, incomeFactor, topUpFactor, start));
                nextHousehold += count;
            }
        }
        return [.. Regions.All.SelectMany(r => Normalised(counties.Where(c => c.Region == r).ToList()))];
    }

    /// <summary>
    /// Rescales a region's county factors to a household-weighted mean of exactly 1, so that the
    /// region's levels are those of the parameters however few counties it has.
    /// </summary>
    private static IEnumerable<CountySpec> Normalised(IReadOnlyList<CountySpec> counties)
    {
        double households = counties.Sum(c => (double)c.HouseholdCount);
        double income = counties.Sum(c => c.IncomeFactor * c.HouseholdCount) / households;
        double topUp = counties.Sum(c => c.TopUpFactor * c.HouseholdCount) / households;
        return counties.Select(c => c with { IncomeFactor = c.IncomeFactor / income, TopUpFactor = c.TopUpFactor / topUp });
    }

    /// <summary>Largest-remainder apportionment of a total by (not necessarily normalised) shares.</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> shares)
    {
        double sum = shares.Sum();
        var exact = shares.Select(s => total * s / sum).ToArray();
        var result = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int left = total - result.Sum();
        foreach (int i in Enumerable.Range(0, shares.Count)
                     .OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(left))
        {
            result[i]++;
        }
        return result;
    }
}
