using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Host.Runs;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Lab;

/// <summary>Bad input to the API (400), with the problems of a scenario or value when there are any.</summary>
public sealed class LabBadRequestException(string message, IReadOnlyList<ScenarioProblem>? problems = null) : Exception(message)
{
    public IReadOnlyList<ScenarioProblem>? Problems { get; } = problems;
}

/// <summary>Too many runs at once (429).</summary>
public sealed class LabTooManyException(string message) : Exception(message);

/// <summary>
/// The lab's runs: created from a built-in name or YAML text (never a path), checked as the command
/// line checks a scenario, held until deleted or idle too long, each with its own <see cref="LiveRun"/>
/// on the engine it asked for.
/// </summary>
public sealed class LabRuns(LabOptions options, Func<EngineKind, Experiment> experiments, Serilog.ILogger log) : IAsyncDisposable
{
    /// <summary>The largest scenario text accepted, as for a file (ScenarioLoader.MaxFileBytes).</summary>
    public const int MaxYamlBytes = ScenarioLoader.MaxFileBytes;

    private static readonly HashSet<string> RequestFields = ["scenario", "yaml", "set", "households", "years", "seed", "replications", "engine"];

    private readonly ConcurrentDictionary<string, LabRun> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private int _next;

    public IEnumerable<LabRun> All => _runs.Values.OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal);

    public LabRun? Get(string id)
    {
        if (!_runs.TryGetValue(id, out var run)) return null;
        run.Touch();
        return run;
    }

    /// <summary>POST /api/runs: a new run, paused before its first year.</summary>
    public async Task<LabRun> CreateAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var (scenario, source) = Resolve(request);
        var engine = EngineOf(request["engine"]);
        long total = (long)scenario.Households * scenario.Replications;
        if (total > options.MaxHouseholds)
        {
            throw new LabBadRequestException($"households: {scenario.Households} x {scenario.Replications} replication(s) is more than this server allows (--max-households {options.MaxHouseholds})");
        }
        double bytes = MemoryEstimate.LiveRunBytes(engine, scenario.Households, scenario.Replications, scenario.Years);
        // One creation at a time: the count of runs is checked and the run added under the same lock.
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (_runs.Count >= options.MaxRuns)
            {
                throw new LabTooManyException($"this server holds at most {options.MaxRuns} runs (--max-runs); delete one or wait until an idle one expires");
            }
            // Runs hold their agents and histories until deleted: the new one must fit beside those held.
            double held = _runs.Values.Sum(r => r.EstimatedBytes), have = MemoryEstimate.AvailableBytes - MemoryEstimate.BaseBytes;
            if (held + bytes > have)
            {
                throw new LabTooManyException(FormattableString.Invariant(
                    $"not enough memory for this run: it would hold about {bytes / 1e9:0.##} GB beside {held / 1e9:0.##} GB held by {_runs.Count} run(s), of {have / 1e9:0.#} GB; delete a run or ask for fewer households or years"));
            }
            string id = $"r{Interlocked.Increment(ref _next)}";
            var live = await experiments(engine).StartLiveAsync(scenario, cancellationToken);
            var run = new LabRun(id, live, source, EngineHost.Name(engine)) { EstimatedBytes = bytes };
            _runs[id] = run;
            log.Information("Lab run {Id}: {Scenario}, {Households} households x {Replications}, {Start}-{End}, seed {Seed}, engine {Engine}",
                id, scenario.Name, scenario.Households, scenario.Replications, scenario.StartYear, scenario.EndYear, scenario.Seed, run.Engine);
            return run;
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>DELETE /api/runs/{id}.</summary>
    public async Task<bool> DeleteAsync(string id)
    {
        if (!_runs.TryRemove(id, out var run)) return false;
        await run.DisposeAsync();
        return true;
    }

    /// <summary>Removes the runs nobody has touched for the idle time (a playing run is in use).</summary>
    public async Task ExpireAsync(DateTimeOffset now)
    {
        foreach (var run in _runs.Values.Where(r => !r.Playing && now - r.LastTouched > options.Idle).ToArray())
        {
            log.Information("Lab run {Id} expired after {Minutes} idle minutes", run.Id, options.Idle.TotalMinutes);
            await DeleteAsync(run.Id);
        }
    }

    /// <summary>The scenario a request asks for, with its options and changes applied and checked.</summary>
    public static (Scenario Scenario, LabSource Source) Resolve(JsonObject request)
    {
        if (request.Select(p => p.Key).FirstOrDefault(k => !RequestFields.Contains(k)) is { } unknown)
        {
            throw new LabBadRequestException($"unknown field '{unknown}'; expected {string.Join(", ", RequestFields)}");
        }
        var (scenario, source) = Load(request);
        scenario = Overrides(scenario, request);
        var problems = new List<ScenarioProblem>();
        if (request["set"] is { } set)
        {
            var changes = Set(set).SelectMany(kv => ScenarioChanges.Parse(scenario, kv.Key, kv.Value, source.Name, $"set.{kv.Key}", problems)).ToArray();
            if (problems.Count == 0 && changes.Length > 0) scenario = ScenarioChanges.FromStart(scenario, changes, scenario.Name, source.Name, problems);
        }
        else
        {
            problems.AddRange(ScenarioLoader.Check(scenario, source.Name));
        }
        if (problems.Count > 0) throw new LabBadRequestException($"the scenario has {problems.Count} problem(s): {problems[0]}", problems);
        return (scenario, source);
    }

    private static (Scenario, LabSource) Load(JsonObject request)
    {
        if (request["scenario"] is { } name && request["yaml"] is not null) throw new LabBadRequestException("give either 'scenario' or 'yaml', not both");
        if (request["scenario"] is { } named)
        {
            string text = Text(named, "scenario");
            if (!ScenarioCatalogue.TryGet(text, out byte[]? bytes) || LabCatalogue.BuiltIn(text) is not { } builtIn)
            {
                throw new LabBadRequestException($"scenario: '{text}' is not a built-in scenario (GET /api/scenarios lists them)");
            }
            return (builtIn, new LabSource(text, Sha256(bytes!)));
        }
        if (request["yaml"] is { } yaml)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Text(yaml, "yaml"));
            if (bytes.Length > MaxYamlBytes) throw new LabBadRequestException($"yaml: the text is {bytes.Length:N0} bytes; the most a scenario may be is {MaxYamlBytes:N0}");
            try
            {
                return (ScenarioLoader.ParseUntrusted(bytes, "scenario.yaml").Scenario, new LabSource("scenario.yaml", Sha256(bytes)));
            }
            catch (ScenarioException e)
            {
                throw new LabBadRequestException($"the scenario has {e.Problems.Count} problem(s): {e.Problems[0]}", e.Problems);
            }
        }
        throw new LabBadRequestException("give 'scenario' (a built-in name) or 'yaml' (a scenario's text)");
    }

    /// <summary>households, years, seed, replications: checked against the ranges a scenario file has.</summary>
    private static Scenario Overrides(Scenario scenario, JsonObject request)
    {
        var asked = new RunRequest(scenario.Name, null, Integer<int>(request, "households"), Integer<int>(request, "years"), null,
            Integer<ulong>(request, "seed"), EngineKind.InProcess, false, Serilog.Events.LogEventLevel.Information, "")
        {
            Replications = Integer<int>(request, "replications"),
        };
        try
        {
            return ScenarioOverrides.Apply(scenario, asked);
        }
        catch (UsageException e)
        {
            throw new LabBadRequestException(e.Message.TrimStart('-'));
        }
    }

    private static T? Integer<T>(JsonObject request, string field) where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var node = request[field];
        if (node is null) return null;
        // The number's JSON text, whatever the value holds (a parsed element or a CLR number), read exactly.
        if (node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal d)
            && decimal.Truncate(d) == d && d >= 0 && d <= ulong.MaxValue)
        {
            try
            {
                return T.CreateChecked(d);
            }
            catch (OverflowException)
            {
                // below
            }
        }
        if (node is JsonValue s && s.TryGetValue(out string? text) && typeof(T) == typeof(ulong) && ulong.TryParse(text, out ulong u)) return T.CreateChecked(u);
        throw new LabBadRequestException($"{field}: expected a whole number in range, found {node.ToJsonString()}");
    }

    private EngineKind EngineOf(JsonNode? node) => node is null ? options.Engine : Text(node, "engine") switch
    {
        "orleans" => EngineKind.Orleans,
        "inprocess" => EngineKind.InProcess,
        var other => throw new LabBadRequestException($"engine: '{other}' is not an engine; expected orleans or inprocess"),
    };

    /// <summary>A set mapping's values as value text: strings as written, anything else as JSON (which is YAML).</summary>
    public static List<KeyValuePair<string, string>> Set(JsonNode set)
    {
        if (set is not JsonObject mapping) throw new LabBadRequestException("set: expected a mapping of PATH: VALUE");
        return mapping.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value switch
        {
            null => "null",
            JsonValue v when v.TryGetValue(out string? s) => s,
            var other => other.ToJsonString(),
        })).ToList();
    }

    public static string Text(JsonNode node, string field) =>
        node is JsonValue v && v.TryGetValue(out string? s) ? s : throw new LabBadRequestException($"{field}: expected text, found {node.ToJsonString()}");

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async ValueTask DisposeAsync()
    {
        foreach (string id in _runs.Keys.ToArray()) await DeleteAsync(id);
    }
}

/// <summary>The server's settings (ecosim serve's options).</summary>
public sealed record LabOptions(int Port, string Bind, int MaxHouseholds, int MaxRuns, TimeSpan Idle, EngineKind Engine)
{
    /// <summary>With --cluster: the Orleans engine's runs go to this cluster of `ecosim silo` processes instead of an embedded silo.</summary>
    public ClusterAddress? Cluster { get; init; }

    public string ClusterId { get; init; } = ClusterConnection.DefaultClusterId;
}
