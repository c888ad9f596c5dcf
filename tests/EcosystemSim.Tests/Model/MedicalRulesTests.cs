using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Model.Market;
using EcosystemSim.Model.Medical;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Tests.Support;
using static EcosystemSim.Model.Random.Distributions;

namespace EcosystemSim.Tests.Model;

public class MedicalRulesTests
{
    private static readonly MedicalParameters Defaults = new();

    private static LocalPolicy Local(double ratio = 0.68, double deductible = 500, double cap = 100_000, double threshold = 2000, double assistanceCap = 30_000) =>
        TestWorld.Context(2021).Local with
        {
            ReimbursementRatio = ratio,
            DeductibleFen = Money.FromYuan(deductible),
            ReimbursementCapFen = Money.FromYuan(cap),
            CriticalIllnessThresholdFen = Money.FromYuan(threshold),
            AssistanceCapFen = Money.FromYuan(assistanceCap),
        };

    [Fact]
    public void Basic_insurance_then_critical_illness_then_assistance_pay_in_layers()
    {
        // 10,000 yuan admission: 8,500 in the catalogue; basic (8,500 - 500) * 0.68 = 5,440;
        // 3,060 in-catalogue remains; critical illness (3,060 - 2,000) * 0.6 = 636;
        // assistance (3,060 - 636) * 0.7 = 1,696.8; out of pocket 10,000 - 5,440 - 636 - 1,696.8 = 2,227.2.
        var claims = MedicalRules.Settle(Defaults, Local(), [10_000], [6], 0, chronic: false, enrolled: true, waitingMonths: 0, assisted: true);
        Assert.Equal(5440, claims.Basic, 6);
        Assert.Equal(636, claims.CriticalIllness, 6);
        Assert.Equal(1696.8, claims.Assistance, 6);
        Assert.Equal(2227.2, claims.OutOfPocket, 6);
        Assert.Equal(0, claims.Uncovered);

        var unassisted = MedicalRules.Settle(Defaults, Local(), [10_000], [6], 0, false, true, 0, assisted: false);
        Assert.Equal(0, unassisted.Assistance);
        Assert.Equal(10_000 - 5440 - 636, unassisted.OutOfPocket, 6);
    }

    [Fact]
    public void The_yearly_cap_limits_basic_reimbursement()
    {
        var claims = MedicalRules.Settle(Defaults, Local(cap: 3000), [10_000], [6], 0, false, true, 0, false);
        Assert.Equal(3000, claims.Basic, 6);
    }

    [Fact]
    public void Outpatient_costs_are_reimbursed_at_the_outpatient_ratio_for_the_covered_months()
    {
        var chronic = MedicalRules.Settle(Defaults, Local(), [], [], 1200, chronic: true, enrolled: true, waitingMonths: 0, assisted: false);
        Assert.Equal(1200 * 0.15, chronic.Basic, 6);
        var waiting = MedicalRules.Settle(Defaults, Local(), [], [], 1200, chronic: false, enrolled: true, waitingMonths: 6, assisted: false);
        Assert.Equal(1200 * 0.05 * 0.5, waiting.Basic, 6);
    }

    [Fact]
    public void Admissions_in_the_waiting_period_or_without_enrolment_are_not_covered()
    {
        var waiting = MedicalRules.Settle(Defaults, Local(), [10_000, 10_000], [3, 9], 0, false, enrolled: true, waitingMonths: 5, assisted: false);
        Assert.Equal(1, waiting.Uncovered);
        Assert.Equal(5440, waiting.Basic, 6);
        var outside = MedicalRules.Settle(Defaults, Local(), [10_000], [9], 300, false, enrolled: false, waitingMonths: 0, assisted: true);
        Assert.Equal(1, outside.Uncovered);
        Assert.Equal(10_300, outside.OutOfPocket, 6);
    }

    [Theory]
    [InlineData(2023, false, 2, 0.0)] // before the rule
    [InlineData(2024, true, 0, 0.0)] // continuously enrolled
    [InlineData(2024, false, 1, 4.0)] // 3 months plus 1 per year missed
    [InlineData(2025, false, 3, 6.0)]
    [InlineData(2030, false, 20, 12.0)] // at most a year
    public void The_waiting_period_applies_from_2024_to_late_enrolment(int year, bool enrolledLastYear, int missed, double months) =>
        Assert.Equal(months, MedicalRules.WaitingMonths(Defaults, year, enrolledLastYear, missed), 12);

    [Fact]
    public void A_higher_premium_lowers_enrolment_most_among_the_young_and_healthy()
    {
        var p = new ModelParameters();
        var context = TestWorld.Context(2021, p);
        double Chance(int age, bool chronic, double premium)
        {
            double expected = MedicalRules.ExpectedReimbursementYuan(p, context.Local, context.National, age, chronic);
            return Logistic(MedicalRules.EnrolmentLogOdds(p.Medical.Enrolment, expected, premium, 15_000, 0.6, 0.6, false, 0.9));
        }
        double youngDrop = Chance(25, false, 320) - Chance(25, false, 960);
        double oldDrop = Chance(70, true, 320) - Chance(70, true, 960);
        Assert.True(youngDrop > 0, $"young and healthy: {youngDrop:P2}");
        Assert.True(youngDrop > 1.5 * oldDrop, $"young and healthy drop {youngDrop:P2}, old and chronic {oldDrop:P2}");
        Assert.True(MedicalRules.ExpectedReimbursementYuan(p, context.Local, context.National, 70, true) >
                    4 * MedicalRules.ExpectedReimbursementYuan(p, context.Local, context.National, 25, false));
    }

    [Theory]
    [InlineData(false, false, 1.0)]
    [InlineData(true, false, 0.5)]
    [InlineData(true, true, 0.0)]
    public void Assistance_pays_the_premium_in_part_for_dibao_and_in_full_for_the_extreme_poor(bool dibao, bool extreme, double share) =>
        Assert.Equal(share, MedicalRules.PremiumShare(Defaults, dibao, extreme), 12);

    [Theory]
    [InlineData(2010, 0.176)]
    [InlineData(2014, 0.176)]
    [InlineData(2019, 0.176 + 5 * 0.045)]
    [InlineData(2021, 0.176 + 7 * 0.045)]
    [InlineData(2030, 0.6)]
    public void The_share_of_members_working_away_insured_at_work_rises_from_its_base_year_to_its_cap(int year, double share) =>
        Assert.Equal(share, MedicalRules.EmployeeSchemeShare(Defaults, year), 9);

    [Fact]
    public void A_member_insured_at_work_is_covered_without_joining_the_resident_insurance_or_its_fund()
    {
        // Everyone working away is insured at work: chronically ill, so that they claim.
        var p = new ModelParameters { Medical = Defaults with { EmployeeSchemeShare = 1, EmployeeSchemeCap = 1 } };
        var context = TestWorld.Context(2021, p);
        long employeeFen = 0;
        for (int id = 0; id < 400; id++)
        {
            var household = new HouseholdState
            {
                Id = id, Region = Region.West, County = 0, MarketIncomeFen = Money.FromYuan(20_000), Awareness = 0.7, Trust = 0.7,
                Members = [new MemberState { BirthYear = 1990, Migrant = true, Chronic = true, MedicalEnrolled = false, MedicalMissedYears = 3 }],
            };
            var record = new HouseholdYearRecord();
            MedicalRules.Step(household, context, MarketLedger.For(p.Market), ref record);
            Assert.Equal((1, 0), (record.EmployeeMedical, record.MedicalEnrolled));
            Assert.Equal((0L, 0L, 0L, 0L), (record.PremiumsFen, record.PremiumAssistanceFen, record.ReimbursedFen, record.CriticalIllnessFen));
            Assert.Equal(0, record.AdmissionsUncovered);
            Assert.Equal((true, 0), (household.Members[0].MedicalEnrolled, household.Members[0].MedicalMissedYears));
            Assert.Equal(0, record.YoungHealthy);
            employeeFen += record.EmployeeSchemeFen;
            Assert.Equal(record.EmployeeSchemeFen + record.AssistanceFen, record.MedicalReimbursementsFen);
        }
        Assert.True(employeeFen > 0, "the employee insurance pays its members' claims");

        // At home, the same member decides on the resident insurance as before.
        var atHome = TestWorld.Household(Region.West, 20_000, new MemberState { BirthYear = 1990, Migrant = false, MedicalEnrolled = true });
        var homeRecord = new HouseholdYearRecord();
        MedicalRules.Step(atHome, context, MarketLedger.For(p.Market), ref homeRecord);
        Assert.Equal(0, homeRecord.EmployeeMedical);
    }
}
