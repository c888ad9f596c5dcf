using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Runs;

/// <summary>What the command line asked of checkpoints: --checkpoint-every, --keep-checkpoints, --from.</summary>
public sealed record CheckpointRequest(int? Every, bool Keep, string? From)
{
    public static CheckpointRequest None { get; } = new(null, false, null);
}

/// <summary>
/// A run's checkpoints on disk. While a run with --checkpoint-every works, its checkpoints live in a
/// hidden sibling of its output, `.NAME.checkpoints/` (one directory per year, `resume.json` saying
/// how to continue): unlike the output's work directory, which belongs to one process and goes when
/// it stops, they must outlive a killed process so that `ecosim resume NAME` can continue. Once the
/// output is complete they move into it (`NAME/checkpoints/YEAR/`, with --keep-checkpoints) or are
/// removed.
/// </summary>
public static class CheckpointRun
{
    /// <summary>The file that says how to continue an interrupted run.</summary>
    public const string ResumeFile = "resume.json";

    /// <summary>The format of <see cref="ResumeFile"/>.</summary>
    public const int ResumeFormat = 1;

    /// <summary>Where the checkpoints of an output being written live.</summary>
    public static string DirectoryFor(string outPath)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outPath));
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.checkpoints");
    }

    /// <summary>What resume.json holds: the run as it was asked for, resolved.</summary>
    public sealed record ResumeInfo(int Format, string Source, string Sha256, string CommandLine, string Engine, int? Parallel, int Every, bool Keep, JsonNode Scenario);

    /// <summary>
    /// Starts the checkpoints of a new run: a leftover of an interrupted run into the same output is
    /// kept for `ecosim resume` unless --force; a directory of that name that is not ecosim's is refused.
    /// </summary>
    public static string Begin(string outPath, RunRequest request, Scenario scenario, LoadedScenario loaded, CheckpointRequest checkpoints)
    {
        string directory = DirectoryFor(outPath);
        if (Directory.Exists(directory) || File.Exists(directory))
        {
            if (!File.Exists(Path.Combine(directory, ResumeFile)))
            {
                throw new UsageException($"--checkpoint-every: {directory} exists and is not ecosim's; move it away");
            }
            if (!request.Force)
            {
                throw new UsageException($"--out: {outPath} has an interrupted run; 'ecosim resume {outPath}' continues it, --force starts afresh");
            }
            Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(directory);
        var info = new ResumeInfo(ResumeFormat, loaded.Source, loaded.Sha256, request.CommandLine, EngineName(request), request.Parallel,
            checkpoints.Every!.Value, checkpoints.Keep, ScenarioWriter.ToJson(scenario with { Base = "" }));
        File.WriteAllText(Path.Combine(directory, ResumeFile), JsonSerializer.Serialize(info, JsonOptions));
        return directory;
    }

    /// <summary>The interrupted run to continue into <paramref name="outPath"/>, and its checkpoints' directory.</summary>
    public static (ResumeInfo Info, Scenario Scenario, string Directory) Resume(string outPath)
    {
        string directory = DirectoryFor(outPath);
        string file = Path.Combine(directory, ResumeFile);
        if (Directory.Exists(outPath)) throw new UsageException($"{outPath} is complete: there is nothing to resume");
        if (!File.Exists(file)) throw new UsageException($"{outPath} has no interrupted run to resume (no {file}); runs started with --checkpoint-every can be resumed");
        ResumeInfo info;
        try
        {
            info = JsonSerializer.Deserialize<ResumeInfo>(File.ReadAllText(file), JsonOptions) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{file} is damaged ({e.Message}); rerun from the start with --force");
        }
        if (info.Format != ResumeFormat) throw new UsageException($"{file} was written by another version of ecosim; rerun from the start with --force");
        var scenario = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(info.Scenario.ToJsonString()), file).Scenario;
        return (info, scenario, directory);
    }

    /// <summary>Each replication's latest checkpoint in <paramref name="directory"/>, or null to start it afresh.</summary>
    public static Func<int, ReplicationCheckpoint?> Latest(string directory) =>
        replication => Checkpoints.Years(directory, replication) is [int year, ..] ? Checkpoints.Read(Checkpoints.PathOf(directory, year, replication)) : null;

    /// <summary>
    /// `--from DIR`: the scenario aligned to the run whose checkpoint DIR is (`OUT/checkpoints/YEAR`),
    /// and each replication's checkpoint. Bad input (no checkpoint, a fork that changes the shared
    /// years, run settings that contradict the checkpoint's) is a <see cref="ScenarioException"/> or
    /// a <see cref="UsageException"/>.
    /// </summary>
    public static (Scenario Scenario, Func<int, ReplicationCheckpoint?> From) Fork(string from, Scenario scenario, RunRequest request)
    {
        string first = Path.Combine(from, Checkpoints.FileName(0));
        if (!File.Exists(first)) throw new UsageException($"--from: {from} holds no checkpoint (expected {Checkpoints.FileName(0)}; a checkpoint is OUT/checkpoints/YEAR)");
        ReplicationCheckpoint checkpoint;
        try
        {
            checkpoint = Checkpoints.Read(first);
        }
        catch (CheckpointException e)
        {
            throw new UsageException($"--from: {e.Message}");
        }
        var original = Engine.Experiments.Fork.Original(checkpoint);
        foreach (var (option, asked, has) in new (string, object?, object)[]
                 {
                     ("--households", request.Households, original.Households), ("--seed", request.Seed, original.Seed),
                     ("--start-year", request.StartYear, original.StartYear), ("--years", request.Years, original.Years),
                     ("--replications", request.Replications, original.Replications),
                     ("--prices", request.Prices, original.PricesYear),
                     ("--breakdowns", request.Breakdowns, original.Breakdowns == Model.Parameters.BreakdownScope.Regions ? "regions" : "national"),
                 })
        {
            if (asked is not null && !asked.Equals(has)) throw new UsageException($"{option}: a run from a checkpoint has the checkpoint's run settings ({option[2..]} {has})");
        }
        var problems = new List<string>();
        var aligned = Engine.Experiments.Fork.Align(scenario, checkpoint, problems);
        if (problems.Count > 0) throw new UsageException($"--from {from}: {problems[0]}");
        for (int r = 1; r < aligned.Replications; r++)
        {
            if (!File.Exists(Path.Combine(from, Checkpoints.FileName(r)))) throw new UsageException($"--from: {from} lacks {Checkpoints.FileName(r)}");
        }
        return (aligned, r => Checkpoints.Read(Path.Combine(from, Checkpoints.FileName(r))));
    }

    /// <summary>With --keep-checkpoints: the checkpoints move into the finished output, `checkpoints/YEAR/`.</summary>
    public static void Keep(string directory, string workPath)
    {
        string target = Path.Combine(workPath, "checkpoints");
        Directory.CreateDirectory(target);
        foreach (string year in Directory.EnumerateDirectories(directory))
        {
            Directory.Move(year, Path.Combine(target, Path.GetFileName(year)));
        }
    }

    /// <summary>Once the output is in place: the run's checkpoints go.</summary>
    public static void Remove(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The output is complete; a leftover hidden directory is removed by the next run with --force.
        }
    }

    private static string EngineName(RunRequest request) => Engine.Engines.EngineHost.Name(request.Engine);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
