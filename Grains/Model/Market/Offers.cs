using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Model.Market;

/// <summary>What an insurer sells in a year: each product on sale, its premium by age band, and the counties served.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record InsurerOffer
{
    public required int Insurer { get; init; }

    /// <summary>Whether the insurer is still in business (solvent); its pension annuities are paid only if so.</summary>
    public required bool Solvent { get; init; }

    /// <summary>Counties served this year, sorted.</summary>
    public required int[] Counties { get; init; }

    /// <summary>Products on sale this year with their prices.</summary>
    public required ProductPrice[] Products { get; init; }
}

/// <summary>A product on sale and its premium per age band (for a pension product, the contribution).</summary>
[GenerateSerializer, Immutable]
public sealed record ProductPrice([property: Id(0)] int Product, [property: Id(1)] long[] PremiumByBandFen);

/// <summary>Every insurer's offer for a year, in insurer order.</summary>
[GenerateSerializer, Immutable]
public sealed record MarketOffers([property: Id(0)] InsurerOffer[] Insurers)
{
    public static MarketOffers None { get; } = new([]);

    /// <summary>The products on sale in a county, in product order.</summary>
    public CountyOffer[] ForCounty(int county, MarketParameters market)
    {
        var offers = new List<CountyOffer>();
        foreach (var insurer in Insurers)
        {
            if (!insurer.Solvent || Array.BinarySearch(insurer.Counties, county) < 0) continue;
            foreach (var price in insurer.Products)
            {
                var product = market.Products[price.Product];
                offers.Add(new CountyOffer(price.Product, insurer.Insurer, product.Kind, price.PremiumByBandFen));
            }
        }
        offers.Sort((a, b) => a.Product.CompareTo(b.Product));
        return [.. offers];
    }

    /// <summary>Whether an insurer is in business this year.</summary>
    public bool IsSolvent(int insurer) => insurer < Insurers.Length && Insurers[insurer].Solvent;
}

/// <summary>A product on sale in a county.</summary>
[GenerateSerializer, Immutable]
public sealed record CountyOffer(
    [property: Id(0)] int Product,
    [property: Id(1)] int Insurer,
    [property: Id(2)] ProductKind Kind,
    [property: Id(3)] long[] PremiumByBandFen);

/// <summary>One household's (or, summed, one county's) business with one product in a year.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public record struct ProductUse
{
    public int Product { get; set; }

    /// <summary>Medical: policies by age band. Pension: contributors by age band.</summary>
    public int Policies0 { get; set; }
    public int Policies1 { get; set; }
    public int Policies2 { get; set; }

    /// <summary>Premiums (or contributions) paid by the household.</summary>
    public long PremiumFen { get; set; }

    /// <summary>Premiums paid by the government for low-income members.</summary>
    public long SubsidyFen { get; set; }

    /// <summary>Medical claims paid.</summary>
    public long ClaimsFen { get; set; }

    /// <summary>Medical claims paid, by age band of the member (for experience rating).</summary>
    public long Claims0Fen { get; set; }
    public long Claims1Fen { get; set; }
    public long Claims2Fen { get; set; }

    public int Claimants { get; set; }

    /// <summary>Claims refused because the condition was pre-existing and excluded.</summary>
    public int Denied { get; set; }

    /// <summary>Pension: annuities paid.</summary>
    public long AnnuityFen { get; set; }

    /// <summary>Pension: accounts paid out in a lump sum (the insurer failed).</summary>
    public long SurrenderFen { get; set; }

    /// <summary>Pension: account balances at the end of the year.</summary>
    public long AccountFen { get; set; }

    /// <summary>Pension: members receiving an annuity.</summary>
    public int Annuitants { get; set; }

    /// <summary>Medical: policies held by members with a chronic condition (adverse selection by product). Declared last: serialisation ids follow declaration order.</summary>
    public int ChronicPolicies { get; set; }

    public readonly int Policies => Policies0 + Policies1 + Policies2;

    public readonly bool IsEmpty => Policies == 0 && PremiumFen == 0 && ClaimsFen == 0 && AnnuityFen == 0 && SurrenderFen == 0 && AccountFen == 0 && Denied == 0;

    public void AddPolicy(int band)
    {
        if (band == 0) Policies0++;
        else if (band == 1) Policies1++;
        else Policies2++;
    }

    public void AddClaim(int band, long fen)
    {
        ClaimsFen += fen;
        if (band == 0) Claims0Fen += fen;
        else if (band == 1) Claims1Fen += fen;
        else Claims2Fen += fen;
    }

    /// <summary>Adds another use of the same product.</summary>
    public void Add(in ProductUse other)
    {
        Policies0 += other.Policies0;
        Policies1 += other.Policies1;
        Policies2 += other.Policies2;
        PremiumFen += other.PremiumFen;
        SubsidyFen += other.SubsidyFen;
        ClaimsFen += other.ClaimsFen;
        Claims0Fen += other.Claims0Fen;
        Claims1Fen += other.Claims1Fen;
        Claims2Fen += other.Claims2Fen;
        Claimants += other.Claimants;
        Denied += other.Denied;
        AnnuityFen += other.AnnuityFen;
        SurrenderFen += other.SurrenderFen;
        AccountFen += other.AccountFen;
        Annuitants += other.Annuitants;
        ChronicPolicies += other.ChronicPolicies;
    }
}
