using EcosystemSim.Model.Parameters;
using static EcosystemSim.Model.Random.Distributions;

namespace EcosystemSim.Model.Health;

/// <summary>
/// Health risks: chronic prevalence is logistic in age, and healthy members develop a condition
/// at the rate that keeps prevalence on that curve; admissions are Poisson with a rate that grows
/// with age and is higher with a chronic condition; costs are log-normal (heavy-tailed).
/// </summary>
public static class HealthRules
{
    public static double ChronicPrevalence(HealthParameters p, int age) =>
        Logistic(Logit(p.ChronicPrevalenceAt55) + p.ChronicPrevalenceSlope * (age - 55));

    /// <summary>Chance that a healthy member develops a chronic condition this year: (pi(a+1) - pi(a)) / (1 - pi(a)).</summary>
    public static double OnsetProbability(HealthParameters p, int age)
    {
        double now = ChronicPrevalence(p, age), next = ChronicPrevalence(p, age + 1);
        return Math.Max(0, (next - now) / (1 - now));
    }

    /// <summary>Expected admissions a year.</summary>
    public static double AdmissionRate(HealthParameters p, int age, bool chronic)
    {
        double rate = age < p.ChildAge ? p.ChildAdmissionRate : p.AdmissionRateAt45 * Math.Exp(p.AdmissionAgeSlope * (age - 45));
        return chronic ? rate * p.ChronicAdmissionRatio : rate;
    }

    /// <summary>A Poisson count by inversion from one uniform, capped.</summary>
    public static int PoissonCount(double rate, double uniform, int max) => PoissonCount(rate, Math.Exp(-rate), uniform, max);

    /// <summary>The same count, given e^-rate (the chance of none) already computed.</summary>
    public static int PoissonCount(double rate, double noneProbability, double uniform, int max)
    {
        double term = noneProbability, cumulative = term;
        int k = 0;
        while (uniform > cumulative && k < max)
        {
            k++;
            term *= rate / k;
            cumulative += term;
        }
        return k;
    }

    /// <summary>A log-normal amount with the given mean from a standard normal draw.</summary>
    public static double LogNormal(double mean, double logSd, double normal) => mean * Math.Exp(logSd * normal - logSd * logSd / 2);

    /// <summary>Mean yearly outpatient spending of a member in a year (cost level applied).</summary>
    public static double OutpatientMeanYuan(HealthParameters p, bool chronic, double costIndex) =>
        (chronic ? p.ChronicOutpatientYuan : p.OutpatientYuan) * costIndex;
}
