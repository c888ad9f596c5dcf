namespace EcosystemSim.Model.Random;

/// <summary>Deterministic special functions used by the rules.</summary>
public static class Distributions
{
    /// <summary>
    /// Inverse of the standard normal distribution function, by Acklam's rational
    /// approximation (relative error below 1.2e-9), accurate enough for simulation
    /// and free of iteration, so it costs the same for every input.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), p, "must lie in (0, 1)");
        const double pLow = 0.02425;
        if (p < pLow)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) /
                   ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        if (p > 1 - pLow)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) /
                    ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        double r = p - 0.5, s = r * r;
        return (((((A1 * s + A2) * s + A3) * s + A4) * s + A5) * s + A6) * r /
               (((((B1 * s + B2) * s + B3) * s + B4) * s + B5) * s + 1);
    }

    /// <summary>The logistic function, 1 / (1 + e^-x).</summary>
    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>The log-odds of p.</summary>
    public static double Logit(double p) => Math.Log(p / (1 - p));

    private const double A1 = -3.969683028665376e+01, A2 = 2.209460984245205e+02, A3 = -2.759285104469687e+02,
        A4 = 1.383577518672690e+02, A5 = -3.066479806614716e+01, A6 = 2.506628277459239e+00;
    private const double B1 = -5.447609879822406e+01, B2 = 1.615858368580409e+02, B3 = -1.556989798598866e+02,
        B4 = 6.680131188771972e+01, B5 = -1.328068155288572e+01;
    private const double C1 = -7.784894002430293e-03, C2 = -3.223964580411365e-01, C3 = -2.400758277161838e+00,
        C4 = -2.549732539343734e+00, C5 = 4.374664141464968e+00, C6 = 2.938163982698783e+00;
    private const double D1 = 7.784695709041462e-03, D2 = 3.224671290700398e-01, D3 = 2.445134137142996e+00,
        D4 = 3.754408661907416e+00;
}
