namespace EcosystemSim.Reports.Html;

/// <summary>How reports name the prices money is in.</summary>
public static class MoneyBasis
{
    /// <summary>"nominal yuan", or "yuan at 2021 prices" when a prices year is set.</summary>
    public static string Describe(int pricesYear) => pricesYear == 0 ? "nominal yuan" : $"yuan at {pricesYear} prices";

    /// <summary>The short form for axis titles: "nominal" or "2021 prices".</summary>
    public static string Short(int pricesYear) => pricesYear == 0 ? "nominal" : $"{pricesYear} prices";
}
