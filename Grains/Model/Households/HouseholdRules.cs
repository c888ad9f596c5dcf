using EcosystemSim.Model.Government;
using EcosystemSim.Model.Income;
using EcosystemSim.Model.Pension;

namespace EcosystemSim.Model.Households;

/// <summary>A household's year, in the order MODEL.md gives: income, then each member's pension.</summary>
public static class HouseholdRules
{
    /// <summary>Advances the household by one year in place and returns what it reports.</summary>
    public static HouseholdYearRecord Step(HouseholdState household, YearContext ctx)
    {
        IncomeRules.Step(household, ctx);
        var record = new HouseholdYearRecord
        {
            HouseholdId = household.Id,
            Region = household.Region,
            County = household.County,
            Members = household.Members.Length,
            MarketIncomePerCapitaFen = household.IncomePerCapitaFen,
        };
        var members = household.Members;
        for (int i = 0; i < members.Length; i++)
        {
            PensionRules.StepMember(ref members[i], household, ctx, ref record);
        }
        return record;
    }
}
