namespace EcosystemSim.Model.Market;

/// <summary>Closed forms for what a medical top-up is expected to pay.</summary>
public static class MarketMath
{
    /// <summary>
    /// The standard normal distribution function, by the complementary error function of
    /// Numerical Recipes (erfcc, fractional error below 1.2e-7): no iteration, deterministic.
    /// </summary>
    public static double NormalCdf(double x)
    {
        double z = Math.Abs(x) / Math.Sqrt(2);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
                      t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
                      t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    /// <summary>
    /// E[(a X - D)+] for X log-normal with the given mean and log standard deviation:
    /// a m Phi(d1) - D Phi(d2), d1 = (ln(a m / D) + s^2/2) / s, d2 = d1 - s.
    /// </summary>
    public static double ExpectedExcess(double mean, double logSd, double fraction, double deductible)
    {
        double scaled = fraction * mean;
        if (scaled <= 0) return 0;
        if (deductible <= 0) return scaled;
        if (logSd <= 0) return Math.Max(0, scaled - deductible);
        double d1 = (Math.Log(scaled / deductible) + logSd * logSd / 2) / logSd;
        return Math.Max(0, scaled * NormalCdf(d1) - deductible * NormalCdf(d1 - logSd));
    }
}
