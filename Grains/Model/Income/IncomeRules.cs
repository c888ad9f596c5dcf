using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;

namespace EcosystemSim.Model.Income;

/// <summary>
/// Household market income = productivity x (earnings unit x the earning weights of members at
/// home + remittances x members working away). Productivity is exp(p + e - s^2/2): p a persistent
/// AR(1), e a transitory shock, s^2 their variance, so productivity averages 1.
/// </summary>
public static class IncomeRules
{
    public static double PersistentSd(IncomeParameters p) => p.LogSd * Math.Sqrt(p.PersistentShare);

    public static double TransitorySd(IncomeParameters p) => p.LogSd * Math.Sqrt(1 - p.PersistentShare);

    /// <summary>A member's earning weight at home by age group.</summary>
    public static double EarningWeight(IncomeParameters p, int age)
    {
        int group = 0;
        while (group < p.EarningAgeBounds.Length && age >= p.EarningAgeBounds[group]) group++;
        return p.EarningWeights[group];
    }

    /// <summary>A member's earning weight at home, lower with a chronic condition.</summary>
    public static double EarningWeight(IncomeParameters p, int age, bool chronic) =>
        EarningWeight(p, age) * (chronic ? p.ChronicEarningFactor : 1);

    /// <summary>Mean per-capita market income of the region in a year (for a population of the census age shape).</summary>
    public static double MeanMarketPerCapitaYuan(ModelParameters p, Region region, int year) =>
        p.Income.MeanMarketPerCapitaYuan[region] * p.Income.Index(region, year);

    /// <summary>Remittances per migrant in the region in a year.</summary>
    public static double RemittanceYuan(ModelParameters p, Region region, int year) =>
        p.Income.RemittanceYuan * p.Income.Index(region, year);

    /// <summary>
    /// Earnings of a working-age adult at home of average productivity, chosen so that a population of
    /// the census age shape has the region's mean market income: (mean - remittances x migrants per
    /// person) / earning weight per person.
    /// </summary>
    public static double EarningUnitYuan(ModelParameters p, Region region, int year)
    {
        var tables = IncomeTables.For(p);
        double remittances = RemittanceYuan(p, region, year) * tables.MigrantsPerPerson;
        return Math.Max(0, MeanMarketPerCapitaYuan(p, region, year) - remittances) / tables.EarningWeightPerPerson;
    }

    /// <summary>The persistent component for a new household, drawn from its stationary distribution.</summary>
    public static double InitialPersistent(IncomeParameters p, Rng rng) => PersistentSd(p) * rng.Normal(0);

    /// <summary>Next year's persistent component (AR(1) with a stationary variance).</summary>
    public static double NextPersistent(IncomeParameters p, double previous, Rng rng) =>
        p.Persistence * previous + Math.Sqrt(1 - p.Persistence * p.Persistence) * PersistentSd(p) * rng.Normal(0);

    /// <summary>
    /// The year's income after any bad year, over the mean of that factor so that productivity still
    /// averages 1: 1 - bad_year_loss in a bad year (chance bad_year_probability), 1 otherwise. Draw 1
    /// of the transitory stream (draw 0 is the log shock).
    /// </summary>
    public static double BadYearFactor(IncomeParameters p, Rng rng)
    {
        double mean = 1 - p.BadYearProbability * p.BadYearLoss;
        return (rng.Uniform(1) < p.BadYearProbability ? 1 - p.BadYearLoss : 1) / mean;
    }

    /// <summary>Advances the household's income by one year.</summary>
    public static void Step(HouseholdState h, YearContext ctx, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters.Income;
        ulong household = Entity.Household(h.Id);
        h.IncomePersistent = NextPersistent(p, h.IncomePersistent, new Rng(ctx.Seed, household, ctx.Year, RngStream.IncomePersistent));
        var transitoryRng = new Rng(ctx.Seed, household, ctx.Year, RngStream.IncomeTransitory);
        double transitory = TransitorySd(p) * transitoryRng.Normal(0);
        double productivity = Math.Exp(h.IncomePersistent + transitory - p.LogSd * p.LogSd / 2) * BadYearFactor(p, transitoryRng);

        double weights = 0;
        int migrants = 0;
        foreach (ref readonly var m in h.Members.AsSpan())
        {
            if (m.Migrant) migrants++;
            else weights += EarningWeight(p, m.Age(ctx.Year), m.Chronic);
        }
        long remittances = Money.FromYuan(productivity * ctx.Local.RemittanceYuan * migrants);
        h.MarketIncomeFen = Money.FromYuan(productivity * ctx.Local.EarningUnitYuan * weights) + remittances;
        r.MarketIncomeFen = h.MarketIncomeFen;
        r.RemittancesFen = remittances;
    }
}
