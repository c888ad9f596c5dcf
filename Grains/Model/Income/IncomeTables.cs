using System.Runtime.CompilerServices;
using EcosystemSim.Model.Demography;
using EcosystemSim.Model.Health;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Population;

namespace EcosystemSim.Model.Income;

/// <summary>
/// Expected earning weight (chronic conditions at their prevalence) and migrant share per person for a
/// population of the census age shape,
/// derived once per parameter set. They turn a regional mean income target into the earnings of
/// a working-age adult, so that the target holds for the starting population.
/// </summary>
internal sealed class IncomeTables
{
    private static readonly ConditionalWeakTable<ModelParameters, IncomeTables> Cache = new();

    private IncomeTables(ModelParameters p)
    {
        double[] ages = AgeTables.SingleYearAges(p.Population);
        for (int age = 0; age < ages.Length; age++)
        {
            double migrant = DemographyRules.StationaryMigrantShare(p.Demography, age);
            double chronic = HealthRules.ChronicPrevalence(p.Health, age);
            double weight = IncomeRules.EarningWeight(p.Income, age) * (1 - chronic + chronic * p.Income.ChronicEarningFactor);
            EarningWeightPerPerson += ages[age] * weight * (1 - migrant);
            MigrantsPerPerson += ages[age] * migrant;
        }
    }

    public double EarningWeightPerPerson { get; }

    public double MigrantsPerPerson { get; }

    public static IncomeTables For(ModelParameters p) => Cache.GetValue(p, static q => new IncomeTables(q));
}
