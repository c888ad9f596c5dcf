namespace EcosystemSim.Model.Parameters;

/// <summary>How the central minimum pension moves after its schedule ends (the paper's "dynamic adjustment mechanism").</summary>
[GenerateSerializer]
public enum MinimumRule
{
    /// <summary>The last scheduled value holds.</summary>
    Hold = 0,

    /// <summary>Indexed to prices: keeps its real value.</summary>
    Prices = 1,

    /// <summary>Indexed to the growth of rural per-capita disposable income.</summary>
    RuralIncome = 2,
}

/// <summary>National settings beyond the pension schedule: its adjustment rule and prices.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CentralParameters
{
    [Param("rule", "How the minimum pension moves after the last year of its schedule: hold, prices or rural_income.",
        Source = "Default prices: after the announced increases to 2026 the minimum keeps its real value (the status quo of periodic ad hoc rises); rural_income is the paper's dynamic adjustment (section 4.1)")]
    public MinimumRule MinimumRule { get; init; } = MinimumRule.Prices;

    [Param("per year", "Consumer price inflation, for indexation and the poverty line.",
        Min = -0.2, Max = 0.5, Source = "Assumption: about 2% a year",
        UncertainLow = 0.01, UncertainHigh = 0.03, UncertainWhy = "Inflation of 1-3% a year")]
    public double PriceInflation { get; init; } = 0.02;
}
