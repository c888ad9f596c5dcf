namespace EcosystemSim.Model.Households;

/// <summary>
/// The fixed age bands of the breakdowns in metrics.csv (age:0-15, age:16-59, age:60+). They do not
/// follow the scheme's entry and pension ages, which scenarios can change: a breakdown must mean the
/// same persons in every scenario of a comparison. The bands are those of China's statistics on the
/// rural population (NBS yearbooks report 0-15, 16-59 and 60 and over) and of the paper's concern with
/// the rural elderly.
/// </summary>
public static class AgeBands
{
    /// <summary>Age (years) from which a person counts as 16-59 rather than 0-15.</summary>
    public const int ChildUpTo = 16;

    /// <summary>Age (years) from which a person counts as 60 and over.</summary>
    public const int OldFrom = 60;

    /// <summary>Age (years) below which the OECD-modified equivalence scale counts a member as a child (Eurostat: under 14).</summary>
    public const int EquivalenceChildUpTo = 14;
}
