namespace EcosystemSim.Model.Parameters;

/// <summary>One value per region. In a scenario: a mapping with keys east, central, west, northeast.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RegionValues<T>
{
    public RegionValues(T east, T central, T west, T northeast)
    {
        East = east;
        Central = central;
        West = west;
        Northeast = northeast;
    }

    public T East { get; init; }

    public T Central { get; init; }

    public T West { get; init; }

    public T Northeast { get; init; }

    public T this[Region region] => region switch
    {
        Region.East => East,
        Region.Central => Central,
        Region.West => West,
        Region.Northeast => Northeast,
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    /// <summary>The same value for every region.</summary>
    public static RegionValues<T> Uniform(T value) => new(value, value, value, value);

    /// <summary>Values in region order (east, central, west, northeast).</summary>
    public IEnumerable<T> Values => [East, Central, West, Northeast];
}
