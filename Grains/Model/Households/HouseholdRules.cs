using EcosystemSim.Model.Attitudes;
using EcosystemSim.Model.Demography;
using EcosystemSim.Model.Dibao;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Income;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Medical;
using EcosystemSim.Model.Pension;
using EcosystemSim.Model.Welfare;

namespace EcosystemSim.Model.Households;

/// <summary>
/// A household's year, in order: demography, income, each member's basic and supplementary pension,
/// dibao (on income including pensions), health with the basic medical insurance and any medical
/// top-up, welfare, learning.
/// </summary>
public static class HouseholdRules
{
    /// <summary>Advances the household by one year in place and returns what it reports.</summary>
    public static HouseholdYearRecord Step(HouseholdState household, YearContext ctx)
    {
        var record = default(HouseholdYearRecord);
        Step(household, ctx, ref record);
        return record;
    }

    /// <summary>
    /// The same, writing the report into <paramref name="record"/> (whatever it held before): the
    /// in-process engine fills its array of a county's records in place instead of copying some 400
    /// bytes a household out of a returned value.
    /// </summary>
    public static void Step(HouseholdState household, YearContext ctx, ref HouseholdYearRecord record)
    {
        record = default;
        record.HouseholdId = household.Id;
        record.Region = household.Region;
        record.County = household.County;
        var ledger = MarketLedger.For(ctx.Parameters.Market);
        DemographyRules.Step(household, ctx, ledger, ref record);
        IncomeRules.Step(household, ctx, ref record);
        var members = household.Members;
        for (int i = 0; i < members.Length; i++)
        {
            PensionRules.StepMember(ref members[i], household, ctx, ref record);
            MarketRules.StepPension(ref members[i], members[i].Age(ctx.Year), household, ctx, ledger, ref record);
        }
        DibaoRules.Step(household, ctx, ref record);
        MedicalRules.Step(household, ctx, ledger, ref record);
        record.Products = ledger.ToArray();
        WelfareRules.Settle(household, ctx, ref record);
        AttitudeRules.Step(household, ctx, ref record);
        Census(household, ctx, ref record);
    }

    /// <summary>Counts the household's members by age group and status at the end of the year.</summary>
    private static void Census(HouseholdState household, YearContext ctx, ref HouseholdYearRecord r)
    {
        var pension = ctx.Parameters.Pension;
        r.Members = household.Members.Length;
        foreach (ref readonly var m in household.Members.AsSpan())
        {
            int age = m.Age(ctx.Year);
            if (age < pension.EntryAge) r.Children++;
            else if (age < pension.PensionAge) r.WorkingAge++;
            else r.Elderly++;
            if (age < AgeBands.ChildUpTo) r.AgedUnder16++;
            else if (age >= AgeBands.OldFrom) r.Aged60Plus++;
            if (age < AgeBands.EquivalenceChildUpTo) r.AgedUnder14++;
            if (m.Migrant) r.Migrants++;
            switch (ctx.Parameters.Market.Band(age))
            {
                case 0: r.Band0++; break;
                case 1: r.Band1++; break;
                default: r.Band2++; break;
            }
            if (m.Chronic) r.Chronic++;
        }
    }
}
