using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Model;

public class GovernmentRulesTests
{
    [Theory]
    [InlineData(100, 1000, 1.0)]
    [InlineData(-250, 1000, 1.0)] // debt within the tolerance of a quarter year
    [InlineData(-550, 1000, 0.7)] // 0.3 years beyond it
    [InlineData(-1900, 1000, 0.5)] // never below the floor
    [InlineData(-900, 0, 1.0)]
    public void A_county_in_deficit_pays_a_share_of_its_discretionary_benefits(long reserve, long discretionary, double expected) =>
        Assert.Equal(expected, LocalGovernmentRules.PaymentRatio(new LocalGovernmentParameters(), reserve, discretionary), 12);

    [Fact]
    public void A_cut_lowers_the_top_up_and_the_subsidies_above_the_legal_floors_only()
    {
        var p = new ModelParameters { LocalGovernment = new LocalGovernmentParameters { DeficitCoverShare = 0 } }; // no cover from above: the debt stands
        var (national, _) = CentralFundRules.OpenYear(p, new CentralState(), 2021);
        var state = TestWorld.CountyState(p, Region.East);
        var full = LocalGovernmentRules.OpenYear(1, TestWorld.County(Region.East), state, national).Local;
        var cut = LocalGovernmentRules.OpenYear(1, TestWorld.County(Region.East), state with { ReserveFen = -750, LastDiscretionaryFen = 1000 }, national).Local;
        Assert.False(full.BenefitCut);
        Assert.True(cut.BenefitCut);
        Assert.InRange(cut.TopUpMonthlyFen, full.TopUpMonthlyFen / 2 - 1, full.TopUpMonthlyFen / 2 + 1);
        Assert.Equal(45_00, full.SubsidyByTierFen[0]); // 30 yuan times the eastern multiplier 1.5
        Assert.Equal(37_50, cut.SubsidyByTierFen[0]); // half-way back to the legal floor of 30
        Assert.Equal(75_00, cut.SubsidyByTierFen[4]); // 90 cut half-way to the floor of 60
        Assert.True(cut.SubsidyByTierFen[4] < full.SubsidyByTierFen[4]);
    }

    private static (CountyLedger Ledger, CountyState Next) Close(ModelParameters p, CountyState state, HouseholdYearRecord record, ulong seed = 1)
    {
        var context = TestWorld.Context(2021, p);
        return LocalGovernmentRules.CloseYear(seed, TestWorld.County(), state, context, [record]);
    }

    [Fact]
    public void A_medical_fund_in_deficit_is_made_whole_by_the_local_budget_and_the_ratio_falls()
    {
        var p = new ModelParameters();
        var state = TestWorld.CountyState(p) with { MedicalFundFen = 0 };
        var (ledger, next) = Close(p, state, new HouseholdYearRecord { Members = 1, MedicalEnrolled = 1, ReimbursedFen = 5_000_00 });
        Assert.Equal(0, ledger.MedicalFundFen);
        Assert.True(ledger.FundDeficitCoverFen > 0);
        Assert.True(ledger.LocalSpendingFen >= ledger.FundDeficitCoverFen);
        Assert.True(next.ReimbursementRatio < state.ReimbursementRatio);
        Assert.True(next.ReimbursementRatio >= p.Medical.ReimbursementRatioRange[0]);
    }

    [Fact]
    public void A_fund_with_a_large_surplus_raises_the_ratio_within_its_range()
    {
        var p = new ModelParameters();
        var state = TestWorld.CountyState(p) with { MedicalFundFen = 1_000_000_00 };
        var (_, next) = Close(p, state, new HouseholdYearRecord { Members = 1, MedicalEnrolled = 1, ReimbursedFen = 1_000_00 });
        Assert.Equal(p.Medical.ReimbursementRatioRange[1], next.ReimbursementRatio, 12);
    }

    [Fact]
    public void A_deficit_is_not_covered_in_its_own_year_and_a_county_with_reserves_pays_its_own()
    {
        var p = new ModelParameters { LocalGovernment = new LocalGovernmentParameters { FiscalCapacity = RegionValues<double>.Uniform(0), EqualisationPerCapitaYuan = RegionValues<double>.Uniform(0), PublicityPerCapitaYuan = RegionValues<double>.Uniform(0), AdministrationPerCapitaYuan = 0, MisappropriationShare = 0, ReserveCapYears = 10 } };
        var record = new HouseholdYearRecord { Members = 1, TopUpFen = 1_000_00 };
        var (broke, brokeNext) = Close(p, TestWorld.CountyState(p) with { ReserveFen = 200_00, MedicalFundFen = 1_000_000_00 }, record);
        Assert.Equal(-800_00, broke.ReserveFen); // its province covers the debt next year (ProvincialRulesTests), not this one
        Assert.Equal(-800_00, brokeNext.ReserveFen);
        Assert.Equal(0, broke.EqualisationFen + broke.ShortfallCoverFen);
        var (rich, _) = Close(p, TestWorld.CountyState(p) with { ReserveFen = 10_000_00, MedicalFundFen = 1_000_000_00 }, record);
        Assert.Equal(9_000_00, rich.ReserveFen);
        Assert.Equal(0, rich.EqualisationFen + rich.ShortfallCoverFen);
    }

    [Fact]
    public void Discretionary_benefits_are_the_top_ups_and_the_subsidies_above_the_legal_floors()
    {
        var p = new ModelParameters();
        var record = new HouseholdYearRecord { Members = 2, TopUpFen = 1_200_00, SubsidyFen = 90_00, SubsidyAboveFloorFen = 30_00 };
        var (_, next) = Close(p, TestWorld.CountyState(p), record);
        Assert.Equal(1_230_00, next.LastDiscretionaryFen);
    }

    [Fact]
    public void No_one_contributes_or_draws_a_pension_before_the_scheme_reaches_the_county()
    {
        var context = TestWorld.Context(2010, local: l => l with { SchemeStartYear = 2012 });
        var household = TestWorld.Household(Region.West, 10_000, new MemberState { BirthYear = 1970 }, new MemberState { BirthYear = 1940 });
        var record = new HouseholdYearRecord();
        for (int i = 0; i < 2; i++) EcosystemSim.Model.Pension.PensionRules.StepMember(ref household.Members[i], household, context, ref record);
        Assert.Equal(0, record.PensionEligible);
        Assert.Equal(0, record.PensionRecipients);
    }

    [Fact]
    public void Detected_misappropriation_breaks_as_a_scandal_next_year_and_part_is_recovered()
    {
        var record = new HouseholdYearRecord { Members = 10, MedicalEnrolled = 10, PremiumsFen = 3_200_00, TopUpFen = 1_000_00 };
        var caught = new ModelParameters { LocalGovernment = new LocalGovernmentParameters { MisappropriationShare = 0.1, DetectionProbability = 1, RecoveryShare = 0.5 } };
        var (ledger, next) = Close(caught, TestWorld.CountyState(caught), record);
        Assert.True(ledger.DivertedFen > 0);
        var (honestLedger, _) = Close(caught with { LocalGovernment = caught.LocalGovernment with { MisappropriationShare = 0 } }, TestWorld.CountyState(caught), record);
        long fromFund = Money.Scale(ledger.PremiumsFen + ledger.CentralMedicalSubsidyFen + ledger.LocalMedicalSubsidyFen, 0.1);
        Assert.InRange(honestLedger.MedicalFundFen - ledger.MedicalFundFen, fromFund - 2, fromFund + 2); // only the medical part leaves the fund
        Assert.True(ledger.ScandalDetected);
        Assert.Equal(Money.Scale(ledger.DivertedFen, 0.5), ledger.RecoveredFen);
        Assert.Equal(1.0, next.ScandalPending); // 10% diverted: a full scandal
        Assert.Equal(0, next.UndetectedDivertedFen);
        var nextYear = LocalGovernmentRules.OpenYear(1, TestWorld.County(), next, TestWorld.Context(2022, caught).National);
        Assert.Equal(1.0, nextYear.Local.Scandal);

        var hidden = caught with { LocalGovernment = caught.LocalGovernment with { DetectionProbability = 0 } };
        var (quiet, later) = Close(hidden, TestWorld.CountyState(hidden), record);
        Assert.False(quiet.ScandalDetected);
        Assert.Equal(quiet.DivertedFen, later.UndetectedDivertedFen);
    }

    [Theory]
    [InlineData(MinimumRule.Hold, 163.0)]
    [InlineData(MinimumRule.Prices, 163 * 1.02)]
    [InlineData(MinimumRule.RuralIncome, 163 * 1.05)]
    public void After_its_schedule_the_minimum_pension_follows_the_adjustment_rule(MinimumRule rule, double expected)
    {
        var p = new ModelParameters { Central = new CentralParameters { MinimumRule = rule } };
        var state = new CentralState { LastMinimumYuan = 163, LastDisposablePerCapitaYuan = 21_000, PreviousDisposablePerCapitaYuan = 20_000 };
        Assert.Equal(expected, CentralFundRules.MinimumPensionYuan(p, state, 2027), 9);
        Assert.Equal(163, CentralFundRules.MinimumPensionYuan(p, state, 2026), 9);
    }

    [Fact]
    public void The_central_fund_publishes_the_years_premium_subsidy_and_poverty_line()
    {
        var p = new ModelParameters();
        var (policy, next) = CentralFundRules.OpenYear(p, new CentralState(), 2021);
        Assert.Equal(93_00, policy.MinimumPensionMonthlyFen);
        Assert.Equal(320_00, policy.MedicalPremiumFen);
        Assert.Equal(580_00, policy.MedicalSubsidyFen);
        Assert.Equal(Money.FromYuan(4000 * 1.02), policy.PovertyLineFen);
        Assert.Equal(47_412, policy.UrbanIncomePerCapitaYuan);
        Assert.Equal(93, next.LastMinimumYuan);
        Assert.Equal(Money.FromYuan(400 * 1.05), CentralFundRules.OpenYear(p, new CentralState(), 2026).Policy.MedicalPremiumFen);
    }
}
