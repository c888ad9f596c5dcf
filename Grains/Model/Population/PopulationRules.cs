using EcosystemSim.Model.Demography;
using EcosystemSim.Model.Health;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Income;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Pension;
using EcosystemSim.Model.Random;
using EcosystemSim.Model.World;
using static EcosystemSim.Model.Random.Distributions;

namespace EcosystemSim.Model.Population;

/// <summary>Creates the synthetic rural population: a pure function of (parameters, seed, household id).</summary>
public static class PopulationRules
{
    /// <summary>
    /// The weight of the synthetic population: real rural residents each simulated person stands for
    /// (population.rural_population over the simulated persons at the start).
    /// </summary>
    public static double Weight(ModelParameters p, long persons) =>
        persons > 0 ? p.Population.RuralPopulation / persons : throw new InvalidOperationException("the synthetic population has no persons");

    /// <summary>
    /// A household as it stands at the start of the run: its size from the size distribution; a
    /// reference person of adult age and the other members from the age pyramid; each member's
    /// migrant and chronic status at the stationary rates for the age, medical enrolment last year,
    /// and pension record rebuilt from the years the scheme has run in the county; awareness and trust
    /// around the regional medians; a persistent income component and a means-test error.
    /// </summary>
    public static HouseholdState CreateHousehold(ModelParameters p, ulong seed, CountySpec county, int householdId, int startYear)
    {
        var tables = AgeTables.For(p.Population);
        ulong household = Entity.Household(householdId);
        int size = 1 + new Rng(seed, household, 0, RngStream.HouseholdSize).Categorical(0, tables.SizeCumulative);

        var ageRng = new Rng(seed, household, 0, RngStream.MemberAge);
        var members = new MemberState[size];
        for (int i = 0; i < size; i++)
        {
            int age = ageRng.Categorical((uint)i, i == 0 ? tables.HeadAgeCumulative : tables.OtherAgeCumulative);
            ulong member = Entity.Member(householdId, i);
            members[i] = new MemberState
            {
                Serial = i,
                BirthYear = startYear - age,
                Migrant = new Rng(seed, member, 0, RngStream.InitialMigrant).Uniform(0) < DemographyRules.StationaryMigrantShare(p.Demography, age),
                Chronic = new Rng(seed, member, 0, RngStream.InitialChronic).Uniform(0) < HealthRules.ChronicPrevalence(p.Health, age),
                MedicalEnrolled = new Rng(seed, member, 0, RngStream.InitialEnrolment).Uniform(0) < p.Medical.InitialEnrolment,
            };
            members[i].MedicalMissedYears = members[i].MedicalEnrolled ? 0 : 1;
            PensionRules.InitialiseFromHistory(ref members[i], member, county.SchemeStartYear, p.Pension, seed, startYear);
        }

        var pop = p.Population;
        var (riskAversion, insurerTrust) = MarketRules.InitialAttitudes(p, county.Region, seed, householdId);
        return new HouseholdState
        {
            Id = householdId,
            Region = county.Region,
            County = county.Id,
            Members = members,
            NextSerial = size,
            Awareness = Attitude(pop.InitialAwareness[county.Region], pop.AttitudeSpread,
                new Rng(seed, household, 0, RngStream.InitialAwareness)),
            Trust = Attitude(pop.InitialTrust[county.Region], pop.AttitudeSpread,
                new Rng(seed, household, 0, RngStream.InitialTrust)),
            IncomePersistent = IncomeRules.InitialPersistent(p.Income, new Rng(seed, household, 0, RngStream.InitialIncome)),
            AssessmentError = new Rng(seed, household, 0, RngStream.InitialAssessment).Normal(0),
            RiskAversion = riskAversion,
            InsurerTrust = insurerTrust,
        };
    }

    /// <summary>A 0-1 attitude: logistic of the median's log-odds plus a normal spread.</summary>
    public static double Attitude(double median, double spread, Rng rng) => Logistic(Logit(median) + spread * rng.Normal(0));
}
