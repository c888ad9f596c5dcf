namespace EcosystemSim.Model.Market;

/// <summary>An insurer between years.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record InsurerState
{
    public required int Insurer { get; init; }

    public required long CapitalFen { get; init; }

    /// <summary>Pension reserves (policyholders' account balances) at the end of the last year.</summary>
    public required long ReservesFen { get; init; }

    public required bool Solvent { get; init; }

    /// <summary>Counties served, sorted.</summary>
    public required int[] Counties { get; init; }

    /// <summary>Consecutive loss-making years in each served county (parallel to <see cref="Counties"/>).</summary>
    public required int[] LossYears { get; init; }

    /// <summary>The insurer's products, in product order.</summary>
    public required ProductBook[] Products { get; init; }

    /// <summary>Medical premiums of the most recent years, oldest first (for the book's loss ratio in exit decisions).</summary>
    public long[] BookPremiumsFen { get; init; } = [];

    /// <summary>Medical claims of the same years.</summary>
    public long[] BookClaimsFen { get; init; } = [];
}

/// <summary>A product's price and claims experience.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProductBook
{
    public required int Product { get; init; }

    /// <summary>Premium per age band (for a pension, the contribution in every band).</summary>
    public required long[] PremiumByBandFen { get; init; }

    /// <summary>The most recent years of experience, oldest first.</summary>
    public required ExperienceYear[] Experience { get; init; }
}

/// <summary>One year of a medical product's experience: policies and claims per age band.</summary>
[GenerateSerializer, Immutable]
public sealed record ExperienceYear(
    [property: Id(0)] int Year,
    [property: Id(1)] long[] Policies,
    [property: Id(2)] long[] ClaimsFen);

/// <summary>What a county tells insurers about itself at a year's end (public information).</summary>
[GenerateSerializer, Immutable]
public sealed record CountySummary(
    [property: Id(0)] int County,
    [property: Id(1)] Region Region,
    [property: Id(2)] long Persons,
    [property: Id(3)] long[] PersonsByBand);

/// <summary>A county's business with one product in a year, sent by its local government to the insurer.</summary>
[GenerateSerializer, Immutable]
public sealed record CountyProductReport([property: Id(0)] int County, [property: Id(1)] ProductUse Use);

/// <summary>An insurer's year: its books and its business.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record InsurerYearReport
{
    public required int Insurer { get; init; }
    public required int Year { get; init; }
    public required long CapitalStartFen { get; init; }
    /// <summary>Gross premiums: medical premiums (households and subsidies) and pension contributions.</summary>
    public required long PremiumsFen { get; init; }
    /// <summary>Claims: medical claims, annuities and accounts paid out.</summary>
    public required long ClaimsFen { get; init; }
    public required long ExpensesFen { get; init; }
    public required long InvestmentFen { get; init; }
    /// <summary>Capital injected by the parent company at the year's end.</summary>
    public required long InjectionFen { get; init; }
    public required long ReserveChangeFen { get; init; }
    public required long CapitalFen { get; init; }
    public required long ReservesFen { get; init; }
    public required long RequiredCapitalFen { get; init; }
    public required long MedicalPremiumsFen { get; init; }
    public required long MedicalClaimsFen { get; init; }
    public required long Policies { get; init; }
    public required bool Solvent { get; init; }
    /// <summary>Counties served next year.</summary>
    public required int Counties { get; init; }
    public required int Entries { get; init; }
    public required int Exits { get; init; }
    public required ProductYear[] Products { get; init; }

    /// <summary>Capital over required capital (NaN when nothing is required).</summary>
    public double SolvencyRatio => RequiredCapitalFen > 0 ? CapitalFen / (double)RequiredCapitalFen : double.NaN;
}

/// <summary>A product's year, summed over counties, and its premium for next year.</summary>
[GenerateSerializer, Immutable]
public sealed record ProductYear(
    [property: Id(0)] int Product,
    [property: Id(1)] ProductUse Use,
    [property: Id(2)] long[] NextPremiumByBandFen);
