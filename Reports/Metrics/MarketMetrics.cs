using EcosystemSim.Model;
using EcosystemSim.Model.Market;
using static EcosystemSim.Reports.Metrics.MetricInput;

namespace EcosystemSim.Reports.Metrics;

/// <summary>The supplementary market's metrics: uptake by region and income quintile, insurers' books, products.</summary>
internal static class MarketMetrics
{
    private static double Yuan(long fen, MetricInput m) => Money.ToYuan(fen) * m.Weight;

    private static double Medical(ProductUse use) => use.PremiumFen + use.SubsidyFen;

    private static bool IsMedical(MetricInput m, int product) =>
        m.Year.Parameters?.Market.Products[product].Kind == Model.Parameters.ProductKind.MedicalTopUp;

    /// <summary>The market's metrics, in the order they are written.</summary>
    public static IEnumerable<MetricDefinition> All() => Uptake().Concat(Flows()).Concat(Insurers()).Concat(Products());

    /// <summary>Who holds the products: residents by health and by income quintile, contributors to supplementary pensions.</summary>
    private static IEnumerable<MetricDefinition> Uptake()
    {
        yield return new("supplementary_medical_uptake", "share", "Residents holding a medical top-up.",
            m => Ratio(m.Totals.SupplementaryMedicalHolders, m.Totals.Persons));
        yield return new("supplementary_medical_household_uptake", "share of households", "Households with at least one member holding a medical top-up, over all households (the insurer's count of policies sold to families).",
            m => Ratio(m.Totals.SupplementaryMedicalHouseholds, m.Totals.Households));
        yield return new("supplementary_medical_uptake_chronic", "share", "Residents with a chronic condition holding a medical top-up, over residents with one (adverse selection shows as a gap over the healthy).",
            m => Ratio(m.Totals.SupplementaryMedicalChronicHolders, m.Totals.Chronic));
        yield return new("supplementary_medical_uptake_healthy", "share", "Residents without a chronic condition holding a medical top-up, over residents without one.",
            m => Ratio(m.Totals.SupplementaryMedicalHolders - m.Totals.SupplementaryMedicalChronicHolders, m.Totals.Persons - m.Totals.Chronic));
        for (int q = 0; q < 5; q++)
        {
            int quintile = q;
            yield return new($"supplementary_medical_uptake_q{q + 1}", "share",
                $"Medical top-up uptake among residents in the {Ordinal(q + 1)} fifth of per-capita disposable income (within the region).",
                m => m.UptakeInQuintile(quintile));
        }
        yield return new("supplementary_pension_uptake", "share", "Working-age residents contributing to a supplementary pension this year.",
            m => Ratio(m.Totals.SupplementaryPensionContributors, m.Totals.WorkingAge));
    }

    /// <summary>Money through the market, by region, insurer and product.</summary>
    private static IEnumerable<MetricDefinition> Flows()
    {
        yield return new("supplementary_premiums_yuan", "yuan/year", "Premiums (households' and subsidies) and pension contributions collected by insurers (weighted).",
            m => m.Insurer >= 0 ? Yuan(m.InsurerReport?.PremiumsFen ?? 0, m)
                : m.Product >= 0 ? Yuan(m.ProductReport is { } p ? p.Use.PremiumFen + p.Use.SubsidyFen : 0, m)
                : Yuan(m.Totals.SupplementaryPremiumsGrossFen, m),
            MetricScope.Regions | MetricScope.Insurer | MetricScope.Product);
        yield return new("supplementary_claims_yuan", "yuan/year", "Medical claims, annuities and accounts paid out by insurers (weighted).",
            m => m.Insurer >= 0 ? Yuan(m.InsurerReport?.ClaimsFen ?? 0, m)
                : m.Product >= 0 ? Yuan(m.ProductReport is { } p ? p.Use.ClaimsFen + p.Use.AnnuityFen + p.Use.SurrenderFen : 0, m)
                : Yuan(m.Totals.SupplementaryClaimsGrossFen, m),
            MetricScope.Regions | MetricScope.Insurer | MetricScope.Product);
        yield return new("insurer_loss_ratio", "ratio", "Medical top-up claims over medical top-up premiums (households' and subsidies).",
            m => m.Insurer >= 0 ? Ratio(m.InsurerReport?.MedicalClaimsFen ?? 0, m.InsurerReport?.MedicalPremiumsFen ?? 0)
                : m.Product >= 0 ? (m.ProductReport is { } p && IsMedical(m, p.Product) ? Ratio(p.Use.ClaimsFen, Medical(p.Use)) : double.NaN)
                : Ratio(m.Totals.SupplementaryMedicalClaimsFen, m.Totals.SupplementaryMedicalPremiumsFen),
            MetricScope.Regions | MetricScope.Insurer | MetricScope.Product);
    }

    /// <summary>The insurers' books and presence.</summary>
    private static IEnumerable<MetricDefinition> Insurers()
    {
        yield return new("insurer_capital_yuan", "yuan", "Insurers' capital at the end of the year (weighted).",
            m => m.Insurer >= 0 ? Yuan(m.InsurerReport?.CapitalFen ?? 0, m) : Yuan(m.Year.Insurers.Sum(i => i.CapitalFen), m),
            MetricScope.National | MetricScope.Insurer);
        yield return new("insurers_active", "insurers", "Insurers in business and serving at least one county next year.",
            m => m.Year.Insurers.Count(i => i.Solvent && i.Counties > 0), MetricScope.National);
        yield return new("insurer_solvency_ratio", "ratio", "Capital over required capital (NaN when nothing is required).",
            m => m.InsurerReport?.SolvencyRatio ?? double.NaN, MetricScope.Insurer);
        yield return new("insurer_solvent", "0/1", "1 while the insurer is in business.",
            m => m.InsurerReport is { Solvent: true } ? 1 : 0, MetricScope.Insurer);
        yield return new("insurer_counties", "counties", "Counties the insurer serves next year (unweighted count of simulated counties).",
            m => m.InsurerReport?.Counties ?? 0, MetricScope.Insurer);
        yield return new("insurer_entries", "counties", "Counties the insurer entered at the end of the year.",
            m => m.InsurerReport?.Entries ?? 0, MetricScope.Insurer);
        yield return new("insurer_exits", "counties", "Counties the insurer left at the end of the year (all of them if it failed).",
            m => m.InsurerReport?.Exits ?? 0, MetricScope.Insurer);
        yield return new("insurer_expenses_yuan", "yuan/year", "The insurer's expenses: policy administration, county costs, marketing, premium taxes (weighted).",
            m => Yuan(m.InsurerReport?.ExpensesFen ?? 0, m), MetricScope.Insurer);
        yield return new("insurer_market_share", "share", "The insurer's share of all medical top-up premiums.",
            m => Ratio(m.InsurerReport?.MedicalPremiumsFen ?? 0, m.Year.Insurers.Sum(i => i.MedicalPremiumsFen)), MetricScope.Insurer);
    }

    /// <summary>Each product's policies, prices and refused claims.</summary>
    private static IEnumerable<MetricDefinition> Products()
    {
        yield return new("product_policies", "persons", "Members holding the product or contributing to it (weighted).",
            m => (m.ProductReport?.Use.Policies ?? 0) * m.Weight, MetricScope.Product);
        yield return new("product_uptake", "share", "Members holding the product or contributing to it, over all residents.",
            m => Ratio(m.ProductReport?.Use.Policies ?? 0, m.Totals.Persons), MetricScope.Product);
        yield return new("product_household_uptake", "share of households", "Households with at least one member holding the product or contributing to it, over all households (the insurer's count of families).",
            m => Ratio(m.Year.Holdings.Households(m.Product), m.Totals.Households), MetricScope.Product);
        yield return new("product_uptake_chronic", "share", "Medical top-ups: residents with a chronic condition holding the product, over residents with one (NaN for pensions).",
            m => m.ProductReport is { } p && IsMedical(m, p.Product) ? Ratio(p.Use.ChronicPolicies, m.Totals.Chronic) : double.NaN, MetricScope.Product);
        yield return new("product_uptake_healthy", "share", "Medical top-ups: residents without a chronic condition holding the product, over residents without one (NaN for pensions).",
            m => m.ProductReport is { } p && IsMedical(m, p.Product) ? Ratio(p.Use.Policies - p.Use.ChronicPolicies, m.Totals.Persons - m.Totals.Chronic) : double.NaN, MetricScope.Product);
        yield return new("product_holders_chronic_share", "share of holders", "Medical top-ups: holders with a chronic condition, over all the product's holders: the pool's mix by health, which rises as healthy members lapse (NaN for pensions and when nobody holds it).",
            m => m.ProductReport is { } p && IsMedical(m, p.Product) ? Ratio(p.Use.ChronicPolicies, p.Use.Policies) : double.NaN, MetricScope.Product);
        for (int q = 0; q < 5; q++)
        {
            int quintile = q;
            yield return new($"product_uptake_q{q + 1}", "share",
                $"Members holding the product or contributing to it among residents in the {Ordinal(q + 1)} national fifth of per-capita disposable income.",
                m => Ratio(m.Year.Holdings.InQuintile(m.Product, quintile), m.Year.Distributions.QuintileSum(null, quintile + 1, QuintileCount.Persons)), MetricScope.Product);
        }
        yield return new("product_average_premium_yuan", "yuan/policy/year", "Premium (or contribution) per policy this year, households' and subsidies.",
            m => m.ProductReport is { } p ? Ratio(Money.ToYuan(p.Use.PremiumFen + p.Use.SubsidyFen), p.Use.Policies) : double.NaN, MetricScope.Product);
        yield return new("product_next_premium_yuan", "yuan/policy/year", "Premium set for next year (middle age band).",
            m => m.ProductReport is { } p ? Money.ToYuan(p.NextPremiumByBandFen[1]) : double.NaN, MetricScope.Product);
        yield return new("product_denied_claims", "claims", "Claims refused as excluded pre-existing conditions (weighted).",
            m => (m.ProductReport?.Use.Denied ?? 0) * m.Weight, MetricScope.Product);
    }

    private static string Ordinal(int n) => n switch { 1 => "first (poorest)", 2 => "second", 3 => "third", 4 => "fourth", _ => "fifth (richest)" };
}
