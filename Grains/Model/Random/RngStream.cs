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
}
