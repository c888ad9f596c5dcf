using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EcosystemSim.Model.Demography;
using EcosystemSim.Model.Health;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Households;

/// <summary>
/// A year's per-age rates that every member of that age shares, whatever the household: the chance of
/// dying, of developing a chronic condition, and the expected admissions (and the chance of none). The
/// household step reads them once per member several times a year; computed here once per parameter set
/// and year, by the rules' own functions, so the tables change how fast a value is found, never the value
/// (an age beyond the table is computed directly).
/// </summary>
public sealed class AgeRates
{
    /// <summary>Ages tabulated beyond the population's maximum age: members may outlive it by a few years.</summary>
    private const int AgesBeyondMax = 20;

    private static readonly ConditionalWeakTable<ModelParameters, ConcurrentDictionary<int, AgeRates>> Cache = new();

    private readonly ModelParameters _p;
    private readonly int _year;
    private readonly double[] _death;
    private readonly double[] _onset;
    private readonly double[] _admissionRate;
    private readonly double[] _noAdmission;

    private AgeRates(ModelParameters p, int year)
    {
        _p = p;
        _year = year;
        int ages = p.Population.MaxAge + AgesBeyondMax + 1;
        _death = new double[ages];
        _onset = new double[ages];
        _admissionRate = new double[2 * ages];
        _noAdmission = new double[2 * ages];
        for (int age = 0; age < ages; age++)
        {
            _death[age] = DemographyRules.DeathProbability(p.Demography, age, year);
            _onset[age] = HealthRules.OnsetProbability(p.Health, age);
            for (int chronic = 0; chronic < 2; chronic++)
            {
                double rate = HealthRules.AdmissionRate(p.Health, age, chronic == 1);
                _admissionRate[2 * age + chronic] = rate;
                _noAdmission[2 * age + chronic] = Math.Exp(-rate);
            }
        }
    }

    /// <summary>The rates of a parameter set in a year (built on first use, then shared by every county and thread).</summary>
    public static AgeRates For(ModelParameters p, int year) =>
        Cache.GetValue(p, static _ => new ConcurrentDictionary<int, AgeRates>()).GetOrAdd(year, static (y, q) => new AgeRates(q, y), p);

    /// <summary><see cref="DemographyRules.DeathProbability"/> at this age in the year.</summary>
    public double Death(int age) => (uint)age < (uint)_death.Length ? _death[age] : DemographyRules.DeathProbability(_p.Demography, age, _year);

    /// <summary><see cref="HealthRules.OnsetProbability"/> at this age.</summary>
    public double Onset(int age) => (uint)age < (uint)_onset.Length ? _onset[age] : HealthRules.OnsetProbability(_p.Health, age);

    /// <summary><see cref="HealthRules.AdmissionRate"/> at this age and health.</summary>
    public double AdmissionRate(int age, bool chronic) =>
        (uint)age < (uint)_death.Length ? _admissionRate[2 * age + (chronic ? 1 : 0)] : HealthRules.AdmissionRate(_p.Health, age, chronic);

    /// <summary>e^-rate of <see cref="AdmissionRate"/>: the chance of no admission, where the Poisson count starts.</summary>
    public double NoAdmission(int age, bool chronic) =>
        (uint)age < (uint)_death.Length ? _noAdmission[2 * age + (chronic ? 1 : 0)] : Math.Exp(-HealthRules.AdmissionRate(_p.Health, age, chronic));
}
