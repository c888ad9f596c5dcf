namespace EcosystemSim.Model.Parameters;

/// <summary>Every behavioural and policy parameter of the model, grouped by subject.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ModelParameters
{
    [Section("The synthetic rural population.")]
    public PopulationParameters Population { get; init; } = new();

    [Section("Household incomes.")]
    public IncomeParameters Income { get; init; } = new();

    [Section("The resident basic pension (URRBPI).")]
    public PensionParameters Pension { get; init; } = new();
}
