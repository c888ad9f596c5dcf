using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;

namespace EcosystemSim.Model.Income;

/// <summary>
/// Per-capita market income: log income is the county's level plus a persistent AR(1)
/// component plus a transitory shock, shifted so that the mean (not the median) equals the
/// level. The total log variance, -2 ln(median/mean), reproduces the median/mean ratio.
/// </summary>
public static class IncomeRules
{
    /// <summary>Variance of log income implied by the median/mean ratio of a log-normal.</summary>
    public static double LogVariance(IncomeParameters p) => -2 * Math.Log(p.MedianMeanRatio);

    public static double PersistentSd(IncomeParameters p) => Math.Sqrt(LogVariance(p) * p.PersistentShare);

    public static double TransitorySd(IncomeParameters p) => Math.Sqrt(LogVariance(p) * (1 - p.PersistentShare));

    /// <summary>The region's mean per-capita income in a year: the base-year level compounded at the region's growth rate.</summary>
    public static double RegionalMeanYuan(IncomeParameters p, Region region, int year) =>
        p.MeanPerCapitaYuan[region] * Math.Pow(1 + p.GrowthRate[region], year - p.BaseYear);

    /// <summary>The persistent component for a new household, drawn from its stationary distribution.</summary>
    public static double InitialPersistent(IncomeParameters p, Rng rng) => PersistentSd(p) * rng.Normal(0);

    /// <summary>Next year's persistent component (AR(1) with a stationary variance).</summary>
    public static double NextPersistent(IncomeParameters p, double previous, Rng rng) =>
        p.Persistence * previous + Math.Sqrt(1 - p.Persistence * p.Persistence) * PersistentSd(p) * rng.Normal(0);

    /// <summary>Per-capita income given the county level and the two components.</summary>
    public static long PerCapitaFen(IncomeParameters p, double countyMeanYuan, double persistent, double transitory) =>
        Money.FromYuan(countyMeanYuan * Math.Exp(persistent + transitory - LogVariance(p) / 2));

    /// <summary>Advances the household's income by one year.</summary>
    public static void Step(Households.HouseholdState household, Government.YearContext ctx)
    {
        var p = ctx.Parameters.Income;
        var persistent = NextPersistent(p, household.IncomePersistent,
            new Rng(ctx.Seed, Entity.Household(household.Id), ctx.Year, RngStream.IncomePersistent));
        double transitory = TransitorySd(p) *
            new Rng(ctx.Seed, Entity.Household(household.Id), ctx.Year, RngStream.IncomeTransitory).Normal(0);
        household.IncomePersistent = persistent;
        household.IncomePerCapitaFen = PerCapitaFen(p, ctx.Local.MeanIncomePerCapitaYuan, persistent, transitory);
    }
}
