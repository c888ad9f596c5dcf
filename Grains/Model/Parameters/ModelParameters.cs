namespace EcosystemSim.Model.Parameters;

/// <summary>Every behavioural and policy parameter of the model, grouped by subject.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ModelParameters
{
    [Section("The synthetic rural population at the start.")]
    public PopulationParameters Population { get; init; } = new();

    [Section("Deaths, births and migration.")]
    public DemographyParameters Demography { get; init; } = new();

    [Section("Household market income.")]
    public IncomeParameters Income { get; init; } = new();

    [Section("Chronic conditions, hospital admissions and medical costs.")]
    public HealthParameters Health { get; init; } = new();

    [Section("The resident basic pension (URRBPI).")]
    public PensionParameters Pension { get; init; } = new();

    [Section("The resident basic medical insurance (URRBMI), critical illness insurance and medical assistance.")]
    public MedicalParameters Medical { get; init; } = new();

    [Section("The rural subsistence allowance (dibao).")]
    public DibaoParameters Dibao { get; init; } = new();

    [Section("Local governments: fiscal capacity, publicity, supervision, shortfalls.")]
    public LocalGovernmentParameters LocalGovernment { get; init; } = new();

    [Section("The central government: the minimum pension's adjustment rule and prices.")]
    public CentralParameters Central { get; init; } = new();

    [Section("How awareness and trust move.")]
    public AttitudeParameters Attitudes { get; init; } = new();

    [Section("The supplementary market: insurers, products, household choice, levers.")]
    public MarketParameters Market { get; init; } = new();

    [Section("Exogenous urban series for the urban-rural ratios.")]
    public UrbanParameters Urban { get; init; } = new();

    [Section("Poverty line and catastrophic spending threshold.")]
    public WelfareParameters Welfare { get; init; } = new();
}
