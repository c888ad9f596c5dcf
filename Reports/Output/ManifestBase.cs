using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcosystemSim.Reports.Output;

/// <summary>Constant prices: the year whose prices money is in, and the price level of each year of the run over it (by year), that divided the nominal amounts.</summary>
public sealed record PriceBasis(int Year, IReadOnlyDictionary<string, double> Index);

/// <summary>
/// What every manifest.json says, whatever produced it (a run, a comparison, a sweep): the kind of
/// output, the run settings and seeds, the engine, the program, the command and its timing, and the
/// files written. A run's manifest adds the scenario; a comparison's and a sweep's list their scenarios.
/// </summary>
public abstract record ManifestBase
{
    /// <summary>run, compare or sweep.</summary>
    public required string Kind { get; init; }
    [JsonConverter(typeof(ExactUInt64ListConverter))]
    public required IReadOnlyList<ulong> Seeds { get; init; }
    public required int Replications { get; init; }
    public required int Households { get; init; }
    public required int StartYear { get; init; }
    public required int EndYear { get; init; }
    public required string Engine { get; init; }
    public required int Silos { get; init; }
    public required string ProgramVersion { get; init; }
    public required string ProgramCommit { get; init; }
    public required string CommandLine { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required DateTimeOffset FinishedUtc { get; init; }
    public required double WallSeconds { get; init; }
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The prices money is written in: null for nominal yuan, else the year and the model's price index of every year over it.</summary>
    public PriceBasis? Prices { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The manifest as JSON, every field of its own kind included.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, GetType(), Options) + "\n";
}
