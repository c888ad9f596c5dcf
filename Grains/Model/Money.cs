namespace EcosystemSim.Model;

/// <summary>
/// Money is integer fen (1 yuan = 100 fen) in a <see cref="long"/>: sums of integers do not
/// depend on the order in which they are added, so totals agree across engines and silos.
/// </summary>
public static class Money
{
    public const long FenPerYuan = 100;

    /// <summary>Yuan to fen, rounding half to even.</summary>
    public static long FromYuan(double yuan) => checked((long)Math.Round(yuan * FenPerYuan, MidpointRounding.ToEven));

    public static double ToYuan(long fen) => fen / (double)FenPerYuan;

    /// <summary>An amount times a factor, rounded half to even to the fen.</summary>
    public static long Scale(long fen, double factor) => checked((long)Math.Round(fen * factor, MidpointRounding.ToEven));

    /// <summary>Integer division rounded half to even (for the account annuity).</summary>
    public static long DivideRounded(long fen, long divisor)
    {
        long q = Math.DivRem(fen, divisor, out long r);
        long twice = 2 * Math.Abs(r);
        if (twice > divisor || (twice == divisor && (q & 1) != 0)) q += Math.Sign(fen);
        return q;
    }
}
