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
    public long MedicalEnrolled, YoungHealthy, YoungHealthyEnrolled, Admissions, AdmissionsEnrolled, AdmissionsUncovered;
    public long MedicalCostFen, OutOfPocketFen;
    public long DibaoEligiblePersons, DibaoReceivingPersons, DibaoEligibleReceivingPersons, DibaoFen;
    public long MarketIncomeFen, DisposableIncomeFen;
    public long ImpoverishedPersons, CatastrophicHouseholds;
    public double AwarenessSum, TrustSum;
    public long SupplementaryMedicalHolders, SupplementaryMedicalChronicHolders, SupplementaryPensionContributors;

    // From the county ledgers' product business.
    public long SupplementaryPremiumsGrossFen, SupplementaryClaimsGrossFen, SupplementaryMedicalPremiumsFen, SupplementaryMedicalClaimsFen;

    // From the county ledgers.
    public long Counties, CountiesCutting, Scandals;
    /// <summary>Sum over counties of the dibao standard times the county's persons (for a person-weighted mean).</summary>
    public double DibaoStandardPersonFen, LedgerPersons;
    public long CentralSpendingFen, LocalSpendingFen, EqualisationFen, MedicalFundFen, DivertedFen, RevenueFen, ReserveFen;

    /// <summary>Totals over the households (and counties) for which <paramref name="include"/> holds.</summary>
    public static RegionTotals Of(YearRecords year, Func<Region, bool> include)
    {
        var t = new RegionTotals();
        foreach (var r in year.Households)
        {
            if (include(r.Region)) t.Add(r);
        }
        foreach (var ledger in year.Ledgers)
        {
            if (!include(ledger.Region)) continue;
            t.Counties++;
            if (ledger.PaymentRatio < 1) t.CountiesCutting++;
            if (ledger.ScandalDetected) t.Scandals++;
            t.DibaoStandardPersonFen += (double)ledger.DibaoStandardFen * ledger.Persons;
            t.LedgerPersons += ledger.Persons;
            t.CentralSpendingFen += ledger.CentralSpendingFen;
            t.LocalSpendingFen += ledger.LocalSpendingFen;
            t.EqualisationFen += ledger.EqualisationFen;
            t.MedicalFundFen += ledger.MedicalFundFen;
            t.DivertedFen += ledger.DivertedFen;
            t.RevenueFen += ledger.RevenueFen;
            foreach (var use in ledger.Products)
            {
                t.SupplementaryPremiumsGrossFen += use.PremiumFen + use.SubsidyFen;
                t.SupplementaryClaimsGrossFen += use.ClaimsFen + use.AnnuityFen + use.SurrenderFen;
                if (year.Parameters is { } p && p.Market.Products[use.Product].Kind == Model.Parameters.ProductKind.MedicalTopUp)
                {
                    t.SupplementaryMedicalPremiumsFen += use.PremiumFen + use.SubsidyFen;
                    t.SupplementaryMedicalClaimsFen += use.ClaimsFen;
                }
            }
            t.ReserveFen += ledger.ReserveFen;
        }
        return t;
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
        SupplementaryMedicalChronicHolders += r.SupplementaryMedicalChronicHolders;
        SupplementaryPensionContributors += r.SupplementaryPensionContributors;
        AwarenessSum += r.Awareness * r.Members;
        TrustSum += r.Trust * r.Members;
    }
}
