namespace EcosystemSim.Model.Random;

/// <summary>
/// The purpose of a draw. Each decision draws from its own stream so that changing
/// one rule never shifts the numbers another rule sees. Never renumber: the values
/// are part of every recorded result.
/// </summary>
public enum RngStream : uint
{
    HouseholdSize = 1,
    MemberAge = 2,
    InitialAwareness = 3,
    InitialTrust = 4,
    InitialIncome = 5,
    CountyIncome = 6,
    CountyTopUp = 7,
    CountySchemeStart = 8,
    PensionHistory = 9,
    IncomePersistent = 10,
    IncomeTransitory = 11,
    PensionParticipation = 12,
    PensionTier = 13,
    PensionMakeUp = 14,
    Death = 15,
    Urbanisation = 16,
    Migration = 17,
    Birth = 18,
    ChronicOnset = 19,
    Admissions = 20,
    AdmissionCost = 21,
    AdmissionTiming = 22,
    Outpatient = 23,
    MedicalEnrolment = 24,
    DibaoAssessment = 25,
    DibaoTakeUp = 26,
    CountyDrift = 27,
    Detection = 28,
    InitialMigrant = 29,
    InitialChronic = 30,
    InitialEnrolment = 31,
    InitialAssessment = 32,
    ReplicationSeed = 33,
    MarketChoice = 34,
    PensionProductChoice = 35,
    PensionProductPersistence = 36,
    InitialRiskAversion = 37,
    InitialInsurerTrust = 38,
    EmployeeScheme = 39,
}
