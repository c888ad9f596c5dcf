using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcosystemSim.Protocol;
using EcosystemSim.Reports.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EcosystemSim.Engine.Experiments;

/// <summary>
/// One replication at the end of a year, complete: the agents' state, the scenario it ran under
/// (with its interventions), and what the run had accumulated (the metrics and Lorenz curves of the
/// years done, the population summary whose weight every later metric uses).
/// </summary>
public sealed record ReplicationCheckpoint(
    int Replication, int LastYear, string ScenarioJson, PopulationSummary Population, AgentsState Agents,
    IReadOnlyList<MetricRow> Metrics, IReadOnlyList<LorenzPoint> Lorenz);

/// <summary>A checkpoint that cannot be used: another format or program version, a damaged file, another run's.</summary>
public sealed class CheckpointException(string message) : Exception(message);

/// <summary>
/// Checkpoint files. A directory holds one directory per year done (`2030/`), each with one file per
/// replication (`replication-0.ckpt`), written under a temporary name and renamed when complete, so a
/// file that exists is whole. A file is gzip: a magic line, the format version, the model's version,
/// a JSON header (the scenario and the accumulated tables) and the agents in Orleans' binary
/// serialisation (the same codecs the grains travel with).
/// </summary>
public static class Checkpoints
{
    /// <summary>The file format; a checkpoint of another format is refused.</summary>
    public const int FormatVersion = 1;

    private const string Magic = "ECOSIM-CHECKPOINT";
    private const string Extension = ".ckpt";

    private static readonly Lazy<Serializer<AgentsState>> Codec = new(() =>
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(AgentsState).Assembly)).BuildServiceProvider().GetRequiredService<Serializer<AgentsState>>());

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The model's version: checkpoints of another build of the rules are refused (the state may mean something else).</summary>
    public static string ModelVersion { get; } =
        typeof(AgentsState).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The file of a replication's checkpoint in a year's directory.</summary>
    public static string FileName(int replication) => $"replication-{replication}{Extension}";

    /// <summary>Writes a replication's checkpoint into <paramref name="root"/>/YEAR/, whole or not at all.</summary>
    public static string Write(string root, ReplicationCheckpoint checkpoint) => Write(root, Encode(checkpoint));

    /// <summary>
    /// A checkpoint as bytes, before compression: quick, so that a run can go on with its next year
    /// (which changes the agents' state) while <see cref="Write(string, EncodedCheckpoint)"/> compresses and writes it.
    /// </summary>
    public static EncodedCheckpoint Encode(ReplicationCheckpoint checkpoint)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(ModelVersion);
            writer.Write(JsonSerializer.Serialize(Header.Of(checkpoint), Json));
        }
        Codec.Value.Serialize(checkpoint.Agents, buffer);
        return new EncodedCheckpoint(checkpoint.Replication, checkpoint.LastYear, buffer.ToArray());
    }

    /// <summary>Compresses and writes an encoded checkpoint into <paramref name="root"/>/YEAR/, whole or not at all; returns its path.</summary>
    public static string Write(string root, EncodedCheckpoint checkpoint)
    {
        string directory = Path.Combine(root, checkpoint.LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName(checkpoint.Replication));
        string temporary = path + $".{Environment.ProcessId}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var zip = new GZipStream(file, CompressionLevel.Fastest))
            {
                zip.Write(checkpoint.Bytes);
            }
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Reads a checkpoint file; a file of another format or model version, or a damaged one, is refused with why.</summary>
    public static ReplicationCheckpoint Read(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var zip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(zip, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic) throw new CheckpointException($"{path} is not an ecosim checkpoint");
            int format = reader.ReadInt32();
            string model = reader.ReadString();
            if (format != FormatVersion || model != ModelVersion)
            {
                throw new CheckpointException($"{path} was written by another version of ecosim (format {format}, model {model}; this is format {FormatVersion}, model {ModelVersion}): rerun from the start");
            }
            var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), Json) ?? throw new CheckpointException($"{path} has no header");
            // Whole into memory first: a gzip stream returns short reads, which the serializer's stream reader does not retry.
            using var agentBytes = new MemoryStream();
            zip.CopyTo(agentBytes);
            var agents = Codec.Value.Deserialize(agentBytes.ToArray()) ?? throw new CheckpointException($"{path} holds no agents");
            return new ReplicationCheckpoint(header.Replication, header.LastYear, header.Scenario, header.Population, agents, header.Metrics, header.Lorenz);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or JsonException or FormatException or Orleans.Serialization.SerializerException
                                       or InvalidOperationException { Source: "Orleans.Serialization" })
        {
            throw new CheckpointException($"{path} is damaged ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>The years with a checkpoint of <paramref name="replication"/> under <paramref name="root"/>, latest first.</summary>
    public static IReadOnlyList<int> Years(string root, int replication) =>
        !Directory.Exists(root) ? []
        : Directory.EnumerateDirectories(root)
            .Select(d => (Year: int.TryParse(Path.GetFileName(d), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y) ? y : -1, Dir: d))
            .Where(x => x.Year > 0 && File.Exists(Path.Combine(x.Dir, FileName(replication))))
            .Select(x => x.Year).OrderDescending().ToArray();

    /// <summary>The path of a replication's checkpoint of a year under <paramref name="root"/>.</summary>
    public static string PathOf(string root, int year, int replication) =>
        Path.Combine(root, year.ToString(System.Globalization.CultureInfo.InvariantCulture), FileName(replication));

    /// <summary>Removes a replication's checkpoints older than <paramref name="year"/> (and year directories left empty).</summary>
    public static void RemoveOlder(string root, int replication, int year)
    {
        foreach (int older in Years(root, replication).Where(y => y < year))
        {
            string path = PathOf(root, older, replication);
            File.Delete(path);
            string directory = Path.GetDirectoryName(path)!;
            if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        }
    }

    private sealed record Header(int Replication, int LastYear, string Scenario, PopulationSummary Population, MetricRow[] Metrics, LorenzPoint[] Lorenz)
    {
        public static Header Of(ReplicationCheckpoint c) =>
            new(c.Replication, c.LastYear, c.ScenarioJson, c.Population, [.. c.Metrics], [.. c.Lorenz]);
    }
}

/// <summary>A checkpoint encoded but not yet compressed and written (<see cref="Checkpoints.Encode"/>).</summary>
public sealed record EncodedCheckpoint(int Replication, int LastYear, byte[] Bytes);
