using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.Random;

namespace EcosystemSim.Model.Demography;

/// <summary>
/// A household's demographic year: members may die (Gompertz-Makeham with improvement), leave
/// the rural population for good (urbanisation), start or stop working away; members of fertile
/// age may have a child, who joins the household.
/// </summary>
public static class DemographyRules
{
    /// <summary>Probability of dying within the year at an age.</summary>
    public static double DeathProbability(DemographyParameters p, int age, int year)
    {
        double q = age == 0
            ? p.InfantMortality
            : 1 - Math.Exp(-(p.MortalityBase + p.MortalityLevel * Math.Exp(p.MortalitySlope * age)));
        return Math.Min(1, q * Math.Pow(1 - p.MortalityImprovement, year - p.MortalityYear));
    }

    /// <summary>Life expectancy at birth under a year's mortality (a period life table to age 120).</summary>
    public static double LifeExpectancy(DemographyParameters p, int year)
    {
        double alive = 1, expectancy = 0;
        for (int age = 0; age <= 120 && alive > 1e-9; age++)
        {
            double q = DeathProbability(p, age, year);
            expectancy += alive * (1 - q / 2);
            alive *= 1 - q;
        }
        return expectancy;
    }

    /// <summary>Chance that a member of fertile age has a child in a year: the TFR spread over both parents and the fertile years.</summary>
    public static double BirthProbability(DemographyParameters p) =>
        p.TotalFertilityRate / 2 / (p.FertileToAge - p.FertileFromAge + 1);

    /// <summary>Chance that a member at home starts working away this year.</summary>
    public static double MigrationStart(DemographyParameters p, int age) =>
        age < p.MigrationAges[0] ? 0
        : age < p.MigrationAges[1] ? p.MigrationStartYoung
        : age < p.MigrationAges[2] ? p.MigrationStartOlder
        : 0;

    /// <summary>Long-run share of members of an age working away (start / (start + return)).</summary>
    public static double StationaryMigrantShare(DemographyParameters p, int age)
    {
        double start = MigrationStart(p, age);
        return start == 0 ? 0 : start / (start + p.MigrationReturn);
    }

    /// <summary>Applies the year's deaths, departures, migration changes and births to the household.</summary>
    public static void Step(HouseholdState h, YearContext ctx, MarketLedger ledger, ref HouseholdYearRecord r)
    {
        var members = h.Members;
        int kept = StepMembers(h, ctx, ledger, ref r, out int births);
        if (kept == members.Length && births == 0) return;
        var newborns = Newborns(h, ctx, births, ref r);
        if (kept == members.Length && newborns.Count == 0) return;
        var next = new MemberState[kept + newborns.Count];
        Array.Copy(members, next, kept);
        newborns.CopyTo(next, kept);
        h.Members = next;
    }

    /// <summary>
    /// Each member's year: death or departure, else a change in working away and perhaps a child.
    /// The members who stay are moved to the front of the array, in order; returns how many.
    /// </summary>
    private static int StepMembers(HouseholdState h, YearContext ctx, MarketLedger ledger, ref HouseholdYearRecord r, out int births)
    {
        var p = ctx.Parameters.Demography;
        int pensionAge = ctx.Parameters.Pension.PensionAge;
        int year = ctx.Year;
        double birthProbability = BirthProbability(p);
        var members = h.Members;
        int kept = 0;
        births = 0;
        for (int i = 0; i < members.Length; i++)
        {
            var m = members[i];
            int age = m.Age(year);
            ulong key = Entity.Member(h.Id, m.Serial);
            if (Departs(m, age, key, ctx, ledger, ref r)) continue;
            double u = new Rng(ctx.Seed, key, year, RngStream.Migration).Uniform(0);
            m.Migrant = m.Migrant ? age < pensionAge && u >= p.MigrationReturn : u < MigrationStart(p, age);
            if (age >= p.FertileFromAge && age <= p.FertileToAge &&
                new Rng(ctx.Seed, key, year, RngStream.Birth).Uniform(0) < birthProbability)
            {
                births++;
            }
            members[kept++] = m;
        }
        return kept;
    }

    /// <summary>Whether the member dies or leaves the rural population for good this year; either way their accounts close.</summary>
    private static bool Departs(in MemberState m, int age, ulong key, YearContext ctx, MarketLedger ledger, ref HouseholdYearRecord r)
    {
        var p = ctx.Parameters.Demography;
        int year = ctx.Year;
        if (new Rng(ctx.Seed, key, year, RngStream.Death).Uniform(0) < ctx.Terms.Ages.Death(age))
        {
            r.Deaths++;
            r.AccountsClosedFen += m.AccountFen;
            MarketRules.CloseAccount(m, ledger);
            r.SupplementaryPayoutFen += m.PensionProductAccountFen; // the heirs receive the account
            return true;
        }
        if (age >= p.UrbanisationAges[0] && age <= p.UrbanisationAges[1] &&
            new Rng(ctx.Seed, key, year, RngStream.Urbanisation).Uniform(0) < p.Urbanisation)
        {
            r.LeftRural++;
            r.AccountsClosedFen += m.AccountFen;
            MarketRules.CloseAccount(m, ledger);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Newborns face infant mortality in their year of birth; survivors join, covered with the
    /// household (no waiting period). Each birth takes the household's next serial, survivor or not.
    /// </summary>
    private static List<MemberState> Newborns(HouseholdState h, YearContext ctx, int births, ref HouseholdYearRecord r)
    {
        int year = ctx.Year;
        var newborns = new List<MemberState>(births);
        for (int b = 0; b < births; b++)
        {
            var child = new MemberState
            {
                Serial = h.NextSerial++,
                BirthYear = year,
                MedicalEnrolled = true,
            };
            r.Births++;
            if (new Rng(ctx.Seed, Entity.Member(h.Id, child.Serial), year, RngStream.Death).Uniform(0) < ctx.Terms.Ages.Death(0))
            {
                r.Deaths++;
                continue;
            }
            newborns.Add(child);
        }
        return newborns;
    }
}
