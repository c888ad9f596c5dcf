namespace EcosystemSim.Reports.Metrics;

/// <summary>A sample's mean, standard deviation and 95% confidence interval for the mean (Student t).</summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="Sd">The sample standard deviation (n - 1 in the denominator); NaN for one value.</param>
/// <param name="CiLow">Lower end of the 95% interval; NaN for one value.</param>
/// <param name="CiHigh">Upper end.</param>
/// <param name="N">Values in the sample (NaN values are left out).</param>
public readonly record struct Interval(double Mean, double Sd, double CiLow, double CiHigh, int N);

/// <summary>Summary statistics and Student's t distribution, computed deterministically (no randomness, fixed order).</summary>
public static class Statistics
{
    /// <summary>Confidence level of every interval the program reports.</summary>
    public const double Level = 0.95;

    /// <summary>Mean, sd and the 95% t interval of the finite values (in the order given).</summary>
    public static Interval Summarise(IReadOnlyList<double> values)
    {
        int n = 0;
        double sum = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            n++;
            sum += v;
        }
        if (n == 0) return new Interval(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        double mean = sum / n;
        if (n == 1) return new Interval(mean, double.NaN, double.NaN, double.NaN, 1);
        double squares = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v)) squares += (v - mean) * (v - mean);
        }
        double sd = Math.Sqrt(squares / (n - 1));
        double half = TQuantile(0.5 + Level / 2, n - 1) * sd / Math.Sqrt(n);
        return new Interval(mean, sd, mean - half, mean + half, n);
    }

    /// <summary>
    /// The 95% interval for the difference of two means from independent samples (Welch: unequal
    /// variances, Welch-Satterthwaite degrees of freedom); what an unpaired comparison would report.
    /// </summary>
    public static (double Low, double High) WelchInterval(Interval a, Interval b)
    {
        if (a.N < 2 || b.N < 2) return (double.NaN, double.NaN);
        double va = a.Sd * a.Sd / a.N, vb = b.Sd * b.Sd / b.N, diff = b.Mean - a.Mean;
        double se = Math.Sqrt(va + vb);
        if (se == 0) return (diff, diff);
        double df = (va + vb) * (va + vb) / (va * va / (a.N - 1) + vb * vb / (b.N - 1));
        double half = TQuantile(0.5 + Level / 2, df) * se;
        return (diff - half, diff + half);
    }

    /// <summary>The p-quantile of Student's t with df degrees of freedom (df may be fractional), by bisection on the CDF.</summary>
    public static double TQuantile(double p, double df)
    {
        if (p is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p));
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df));
        if (p == 0.5) return 0;
        if (p < 0.5) return -TQuantile(1 - p, df);
        double low = 0, high = 1;
        while (TCdf(high, df) < p) high *= 2;
        for (int i = 0; i < 200 && high - low > 1e-13 * Math.Max(1, high); i++)
        {
            double mid = (low + high) / 2;
            if (TCdf(mid, df) < p) low = mid;
            else high = mid;
        }
        return (low + high) / 2;
    }

    /// <summary>The CDF of Student's t: 1 - I_x(df/2, 1/2)/2 for t &gt; 0, x = df / (df + t^2).</summary>
    public static double TCdf(double t, double df)
    {
        double x = df / (df + t * t);
        double tail = 0.5 * RegularizedBeta(x, df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The regularized incomplete beta function I_x(a, b), by its continued fraction (Lentz).</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        // The fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
        return x < (a + 1) / (a + b + 2) ? front * BetaFraction(x, a, b) / a : 1 - front * BetaFraction(1 - x, b, a) / b;
    }

    private static double BetaFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.Abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 500; m++)
        {
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + even * d;
            d = 1 / (Math.Abs(d) < tiny ? tiny : d);
            c = 1 + even / c;
            if (Math.Abs(c) < tiny) c = tiny;
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + odd * d;
            d = 1 / (Math.Abs(d) < tiny ? tiny : d);
            c = 1 + odd / c;
            if (Math.Abs(c) < tiny) c = tiny;
            double step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < 1e-15) break;
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; about 15 digits).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < g.Length; i++) sum += g[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
