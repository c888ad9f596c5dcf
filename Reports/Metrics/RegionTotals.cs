using EcosystemSim.Model;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Reports.Metrics;

/// <summary>
/// Sums of the year's records over one region (or all), computed once per year and region in
/// household id order, then read by every metric of the registry. Person counts and money are
/// integers; the attitude sums are doubles added in household id order.
/// </summary>
public sealed class RegionTotals
{
    public long Households;
    public long Persons;
    public long Children, WorkingAge, Elderly, Migrants, Deaths, Births, LeftRural, Chronic;
    public long PensionEligible, PensionContributors, PensionLowestTier, PensionEnrolled, PensionRecipients;
    public long PensionMonthlyFen, PensionPaidFen, ContributionFen, AccountBalanceFen;
    public long MedicalEnrolled, EmployeeMedical, YoungHealthy, YoungHealthyEnrolled, Admissions, AdmissionsEnrolled, AdmissionsUncovered;
    public long MedicalCostFen, OutOfPocketFen;
    public long DibaoEligiblePersons, DibaoReceivingPersons, DibaoEligibleReceivingPersons, DibaoFen;
    public long MarketIncomeFen, DisposableIncomeFen;
    public long ImpoverishedPersons, CatastrophicHouseholds;
    public double AwarenessSum, TrustSum;
    public long SupplementaryMedicalHolders, SupplementaryMedicalChronicHolders, SupplementaryPensionContributors, SupplementaryMedicalHouseholds;

    // From the county ledgers' product business.
    public long SupplementaryPremiumsGrossFen, SupplementaryClaimsGrossFen, SupplementaryMedicalPremiumsFen, SupplementaryMedicalClaimsFen;

    // From the county ledgers.
    public long Counties, CountiesCutting, Scandals;
    /// <summary>Sum over counties of the dibao standard times the county's persons (for a person-weighted mean).</summary>
    public double DibaoStandardPersonFen, LedgerPersons;
    public long CentralSpendingFen, LocalSpendingFen, EqualisationFen, MedicalFundFen, DivertedFen, RevenueFen, ReserveFen;
    public long ShortfallCoverFen, PooledCoverFen, SurplusHandedUpFen, SurplusReleasedFen;

    /// <summary>The national totals and each region's (indexed by region), in one pass over the year.</summary>
    public static (RegionTotals National, RegionTotals[] Regions) All(YearRecords year)
    {
        var national = new RegionTotals();
        var regions = Regions.All.Select(_ => new RegionTotals()).ToArray();
        foreach (var chunk in year.HouseholdChunks)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                national.Add(r);
                regions[(int)r.Region].Add(r);
            }
        }
        foreach (var ledger in year.Ledgers)
        {
            national.AddLedger(ledger, year.Parameters);
            regions[(int)ledger.Region].AddLedger(ledger, year.Parameters);
        }
        return (national, regions);
    }

    /// <summary>
    /// The person-based sums of one breakdown (<see cref="PersonGroup"/>), nationally: its persons,
    /// their households, their share of each household's income (members in the group over members,
    /// in whole fen) and those in dibao households. The other fields stay zero: only metrics declared
    /// with <see cref="MetricScope.Groups"/> read a group's totals.
    /// </summary>
    public static RegionTotals Of(YearRecords year, PersonGroup group)
    {
        var totals = new RegionTotals();
        var members = year.Distributions.GroupMembers(group);
        int at = 0;
        foreach (var chunk in year.HouseholdChunks)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                if (r.Members == 0) continue;
                int m = members[at++];
                if (m <= 0) continue;
                totals.Households++;
                totals.Persons += m;
                totals.DisposableIncomeFen += r.DisposableIncomeFen * m / r.Members;
                totals.MarketIncomeFen += r.MarketIncomeFen * m / r.Members;
                if (r.DibaoReceiving) totals.DibaoReceivingPersons += m;
            }
        }
        return totals;
    }

    /// <summary>The totals of each income decile (index 0 = decile:1), whole households, in one pass over the year.</summary>
    public static RegionTotals[] ByDecile(YearRecords year)
    {
        var totals = Enumerable.Range(0, 10).Select(_ => new RegionTotals()).ToArray();
        var deciles = year.Distributions.Deciles();
        int at = 0;
        foreach (var chunk in year.HouseholdChunks)
        {
            foreach (ref readonly var r in new ReadOnlySpan<HouseholdYearRecord>(chunk))
            {
                if (r.Members == 0) continue;
                totals[deciles[at++] - 1].Add(r);
            }
        }
        return totals;
    }

    private void AddLedger(Model.Government.CountyLedger ledger, Model.Parameters.ModelParameters? parameters)
    {
        Counties++;
        if (ledger.PaymentRatio < 1) CountiesCutting++;
        if (ledger.ScandalDetected) Scandals++;
        DibaoStandardPersonFen += (double)ledger.DibaoStandardFen * ledger.Persons;
        LedgerPersons += ledger.Persons;
        CentralSpendingFen += ledger.CentralSpendingFen;
        LocalSpendingFen += ledger.LocalSpendingFen;
        EqualisationFen += ledger.EqualisationFen;
        MedicalFundFen += ledger.MedicalFundFen;
        DivertedFen += ledger.DivertedFen;
        RevenueFen += ledger.RevenueFen;
        ShortfallCoverFen += ledger.ShortfallCoverFen;
        PooledCoverFen += ledger.PooledCoverFen;
        SurplusHandedUpFen += ledger.SurplusHandedUpFen;
        SurplusReleasedFen += ledger.SurplusReleasedFen;
        foreach (var use in ledger.Products)
        {
            SupplementaryPremiumsGrossFen += use.PremiumFen + use.SubsidyFen;
            SupplementaryClaimsGrossFen += use.ClaimsFen + use.AnnuityFen + use.SurrenderFen;
            if (parameters is { } p && p.Market.Products[use.Product].Kind == Model.Parameters.ProductKind.MedicalTopUp)
            {
                SupplementaryMedicalPremiumsFen += use.PremiumFen + use.SubsidyFen;
                SupplementaryMedicalClaimsFen += use.ClaimsFen;
            }
        }
        ReserveFen += ledger.ReserveFen;
    }

    private void Add(in HouseholdYearRecord r)
    {
        // Events of the year count even for a household they left empty.
        Deaths += r.Deaths;
        Births += r.Births;
        LeftRural += r.LeftRural;
        if (r.Members == 0) return;
        Households++;
        Persons += r.Members;
        Children += r.Children;
        WorkingAge += r.WorkingAge;
        Elderly += r.Elderly;
        Migrants += r.Migrants;
        Chronic += r.Chronic;
        PensionEligible += r.PensionEligible;
        PensionContributors += r.PensionContributors;
        PensionLowestTier += r.PensionLowestTier;
        PensionEnrolled += r.PensionEnrolled;
        PensionRecipients += r.PensionRecipients;
        PensionMonthlyFen += r.PensionMonthlyFen;
        PensionPaidFen += r.PensionPaidFen;
        ContributionFen += r.ContributionFen;
        AccountBalanceFen += r.AccountBalanceFen;
        MedicalEnrolled += r.MedicalEnrolled;
        EmployeeMedical += r.EmployeeMedical;
        YoungHealthy += r.YoungHealthy;
        YoungHealthyEnrolled += r.YoungHealthyEnrolled;
        Admissions += r.Admissions;
        AdmissionsEnrolled += r.AdmissionsEnrolled;
        AdmissionsUncovered += r.AdmissionsUncovered;
        MedicalCostFen += r.MedicalCostFen;
        OutOfPocketFen += r.OutOfPocketFen;
        if (r.DibaoEligible) DibaoEligiblePersons += r.Members;
        if (r.DibaoReceiving) DibaoReceivingPersons += r.Members;
        if (r.DibaoEligible && r.DibaoReceiving) DibaoEligibleReceivingPersons += r.Members;
        DibaoFen += r.DibaoFen;
        MarketIncomeFen += r.MarketIncomeFen;
        DisposableIncomeFen += r.DisposableIncomeFen;
        if (r.ImpoverishedByIllness) ImpoverishedPersons += r.Members;
        if (r.Catastrophic) CatastrophicHouseholds++;
        SupplementaryMedicalHolders += r.SupplementaryMedicalHolders;
        if (r.SupplementaryMedicalHolders > 0) SupplementaryMedicalHouseholds++;
        SupplementaryMedicalChronicHolders += r.SupplementaryMedicalChronicHolders;
        SupplementaryPensionContributors += r.SupplementaryPensionContributors;
        AwarenessSum += r.Awareness * r.Members;
        TrustSum += r.Trust * r.Members;
    }
}
