using EcosystemSim.Model.Households;

namespace EcosystemSim.Model.Welfare;

/// <summary>
/// How a household's income is shared among its members for every income measure: poverty, relative
/// poverty, inequality, quintiles, deciles and the welfare flags all compare a household's income over
/// its equivalent size. Per capita (China's NBS convention and the calibration's) is the default; the
/// OECD-modified scale and the square root of household size are the usual alternatives, which credit
/// larger households with economies of scale.
/// </summary>
[GenerateSerializer]
public enum EquivalenceScale
{
    /// <summary>Every member counts one: income per person (NBS).</summary>
    PerCapita = 0,

    /// <summary>The OECD-modified scale (Hagenaars, de Vos and Zaidi 1994; Eurostat): 1 for the first adult, 0.5 for each further member aged 14 or over, 0.3 for each child under 14.</summary>
    OecdModified = 1,

    /// <summary>The square root of household size (OECD, "What are equivalence scales?", used in its income distribution database).</summary>
    SquareRoot = 2,
}

/// <summary>Equivalent sizes under each <see cref="EquivalenceScale"/>.</summary>
public static class EquivalenceScales
{
    /// <summary>OECD-modified scale: weight of each member aged 14 or over beyond the first (Eurostat).</summary>
    public const double OecdFurtherAdult = 0.5;

    /// <summary>OECD-modified scale: weight of each child (Eurostat).</summary>
    public const double OecdChild = 0.3;

    /// <summary>Age (years) below which the OECD-modified scale counts a member as a child (Eurostat: under 14).</summary>
    public const int OecdChildUnder = AgeBands.EquivalenceChildUpTo;

    /// <summary>
    /// The equivalent size of a household of <paramref name="members"/> persons, <paramref name="childrenUnder14"/>
    /// of them under 14. A household of children only (left so by deaths) counts its first member as the adult.
    /// </summary>
    public static double Size(EquivalenceScale scale, int members, int childrenUnder14)
    {
        if (members <= 0) return 0;
        return scale switch
        {
            EquivalenceScale.PerCapita => members,
            EquivalenceScale.SquareRoot => Math.Sqrt(members),
            EquivalenceScale.OecdModified => OecdModified(members, Math.Clamp(childrenUnder14, 0, members)),
            _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "unknown equivalence scale"),
        };
    }

    private static double OecdModified(int members, int children)
    {
        int adults = members - children;
        return adults > 0
            ? 1 + OecdFurtherAdult * (adults - 1) + OecdChild * children
            : 1 + OecdChild * (children - 1);
    }

    /// <summary>The equivalent size of a household at the end of <paramref name="year"/>.</summary>
    public static double Size(EquivalenceScale scale, HouseholdState household, int year)
    {
        int children = 0;
        if (scale == EquivalenceScale.OecdModified)
        {
            foreach (ref readonly var m in household.Members.AsSpan())
            {
                if (m.Age(year) < OecdChildUnder) children++;
            }
        }
        return Size(scale, household.Members.Length, children);
    }
}
