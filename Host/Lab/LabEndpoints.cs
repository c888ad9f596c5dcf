using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcosystemSim.Host.Runs;
using EcosystemSim.Protocol;
using EcosystemSim.Scenarios.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EcosystemSim.Host.Lab;

/// <summary>The API's calls (docs/api.md). Each answers JSON; errors are thrown and turned into codes by <see cref="LabServer"/>.</summary>
public static class LabEndpoints
{
    /// <summary>The longest wait between two years of a playing run.</summary>
    public const int MaxDelayMilliseconds = 60_000;

    public static void Map(IEndpointRouteBuilder app, LabRuns runs)
    {
        MapCatalogue(app);
        MapRuns(app, runs);
        MapRunData(app, runs);
        MapAgents(app, runs);
    }

    private static void MapCatalogue(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scenarios", () => Json(LabCatalogue.Scenarios()));
        app.MapGet("/api/scenarios/{name}", (string name) =>
            LabCatalogue.Scenario(name) is { } scenario ? Json(scenario) : throw new LabNotFoundException($"no built-in scenario '{name}'"));
        app.MapGet("/api/parameters", () => Json(LabCatalogue.Parameters()));
        app.MapGet("/api/metrics", () => Json(LabCatalogue.Metrics()));
        app.MapPost("/api/validate", async (HttpRequest request) =>
        {
            var body = await BodyAsync(request);
            Fields(body, "yaml");
            string text = LabRuns.Text(body["yaml"] ?? throw new LabBadRequestException("yaml: give the scenario's text"), "yaml");
            try
            {
                ScenarioLoader.ParseUntrusted(System.Text.Encoding.UTF8.GetBytes(text), "scenario.yaml");
                return Json(new JsonObject { ["problems"] = new JsonArray() });
            }
            catch (ScenarioException e)
            {
                return Json(new JsonObject { ["problems"] = LabJson.Problems(e.Problems) });
            }
        });
    }

    private static void MapRuns(IEndpointRouteBuilder app, LabRuns runs)
    {
        app.MapGet("/api/runs", () => Json(new JsonArray(runs.All.Select(r => (JsonNode?)LabJson.Status(r)).ToArray())));
        app.MapPost("/api/runs", async (HttpRequest request) =>
        {
            var run = await runs.CreateAsync(await BodyAsync(request), request.HttpContext.RequestAborted);
            return new Created(Json(LabJson.Status(run), StatusCodes.Status201Created), $"/api/runs/{run.Id}");
        });
        app.MapGet("/api/runs/{id}", (string id) => Json(LabJson.Status(Find(runs, id))));
        app.MapDelete("/api/runs/{id}", async (string id) =>
            await runs.DeleteAsync(id) ? Results.NoContent() : throw new LabNotFoundException($"no run '{id}'"));
        app.MapPost("/api/runs/{id}/step", async (string id, HttpRequest request) =>
        {
            var run = Find(runs, id);
            Fields(await BodyAsync(request));
            // A year once begun is finished even if the caller goes away: a half-done year would spoil the run.
            await run.StepAsync(CancellationToken.None);
            return Json(LabJson.Status(run));
        });
        app.MapPost("/api/runs/{id}/play", async (string id, HttpRequest request) =>
        {
            var run = Find(runs, id);
            var body = await BodyAsync(request);
            Fields(body, "delay_ms");
            int delay = body["delay_ms"] is { } d ? Delay(d) : 0;
            run.Play(TimeSpan.FromMilliseconds(delay));
            return Json(LabJson.Status(run), StatusCodes.Status202Accepted);
        });
        app.MapPost("/api/runs/{id}/pause", async (string id, HttpRequest request) =>
        {
            var run = Find(runs, id);
            Fields(await BodyAsync(request));
            await run.PauseAsync();
            return Json(LabJson.Status(run));
        });
        app.MapPost("/api/runs/{id}/interventions", async (string id, HttpRequest request) =>
        {
            var run = Find(runs, id);
            var body = await BodyAsync(request);
            Fields(body, "set", "note");
            var set = LabRuns.Set(body["set"] ?? throw new LabBadRequestException("set: give at least one PATH: VALUE"));
            string note = body["note"] is { } n ? LabRuns.Text(n, "note") : "changed in the lab";
            if (note.Any(char.IsControl) || note.Length > 500) throw new LabBadRequestException("note: one line of at most 500 characters");
            await run.InterveneAsync(set, note, CancellationToken.None);
            return Json(LabJson.Status(run));
        });
    }

    private static void MapRunData(IEndpointRouteBuilder app, LabRuns runs)
    {
        app.MapGet("/api/runs/{id}/metrics", (string id, HttpRequest request) =>
        {
            var run = Find(runs, id);
            var metrics = request.Query["metric"].Where(m => !string.IsNullOrEmpty(m)).ToHashSet(StringComparer.Ordinal);
            var regions = request.Query["region"].Where(m => !string.IsNullOrEmpty(m)).ToHashSet(StringComparer.Ordinal);
            int? replication = request.Query["replication"] is { Count: > 0 } r ? Replication(r[0], run) : null;
            var rows = run.Rows.Where(x => (metrics.Count == 0 || metrics.Contains(x.Metric)) && (regions.Count == 0 || regions.Contains(x.Region))
                                           && (replication is null || x.Replication == replication));
            return Json(LabJson.Metrics(rows));
        });
        app.MapGet("/api/runs/{id}/parameters", (string id) => Json(LabCatalogue.Values(Find(runs, id).Live.ParametersInForce)));
        app.MapGet("/api/runs/{id}/events", EventsAsync(runs));
        app.MapGet("/api/runs/{id}/compare/{other}", async (string id, string other, HttpRequest request) =>
        {
            var (a, b) = (Find(runs, id), Find(runs, other));
            var table = await a.PairedWithAsync(b, request.HttpContext.RequestAborted)
                        ?? throw new LabConflictException($"{other} is not paired with {id}: the two runs need the same seed, households, start year and replications");
            var metrics = request.Query["metric"].Where(m => !string.IsNullOrEmpty(m)).ToHashSet(StringComparer.Ordinal);
            return Json(LabJson.Comparison(table, m => metrics.Count == 0 || metrics.Contains(m)));
        });
        app.MapGet("/api/runs/{id}/download", DownloadAsync(runs));
    }

    private static void MapAgents(IEndpointRouteBuilder app, LabRuns runs)
    {
        app.MapGet("/api/runs/{id}/counties", (string id, HttpRequest request) =>
        {
            var run = Find(runs, id);
            int replication = Replication(request.Query["replication"].FirstOrDefault(), run);
            return Json(LabJson.Counties(run.Live.LastYear.ElementAtOrDefault(replication)));
        });
        app.MapGet("/api/runs/{id}/counties/{n}", (string id, string n, HttpRequest request) => AgentAsync(runs, id, AgentKind.County, n, request));
        app.MapGet("/api/runs/{id}/households/{n}", (string id, string n, HttpRequest request) => AgentAsync(runs, id, AgentKind.Household, n, request));
        app.MapGet("/api/runs/{id}/insurers/{n}", (string id, string n, HttpRequest request) => AgentAsync(runs, id, AgentKind.Insurer, n, request));
    }

    private static async Task<IResult> AgentAsync(LabRuns runs, string id, AgentKind kind, string name, HttpRequest request)
    {
        var run = Find(runs, id);
        int replication = Replication(request.Query["replication"].FirstOrDefault(), run);
        string what = JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
        int number;
        if (kind == AgentKind.Insurer)
        {
            // An insurer by its id (as in the scenario) or its position.
            var ids = run.Live.Scenario.Model.Market.Insurers.Select(i => i.Id).ToList();
            number = ids.IndexOf(name);
            if (number < 0 && int.TryParse(name, out int position)) number = position;
        }
        else if (!int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number))
        {
            number = -1;
        }
        var view = number < 0 ? null : await run.InspectAsync(replication, kind, number, request.HttpContext.RequestAborted);
        return view is null ? throw new LabNotFoundException($"run {id} has no {what} '{name}'") : Json(view.ToJson());
    }

    private static Func<string, HttpContext, Task> EventsAsync(LabRuns runs) => async (id, context) =>
    {
        var run = Find(runs, id);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var reader = run.Watch();
        try
        {
            var aborted = context.RequestAborted;
            while (await reader.WaitToReadAsync(aborted))
            {
                while (reader.TryRead(out string? message)) await context.Response.WriteAsync(message, aborted);
                await context.Response.Body.FlushAsync(aborted);
                run.Touch();
            }
        }
        catch (OperationCanceledException)
        {
            // the page went away
        }
        finally
        {
            run.Unwatch(reader);
        }
    };

    private static Func<string, HttpContext, Task> DownloadAsync(LabRuns runs) => async (id, context) =>
    {
        var run = Find(runs, id);
        var result = await run.ResultAsync(context.RequestAborted);
        string folder = $"{CommandSession.Slug(run.Live.Scenario.Name)}-{run.Id}";
        string work = Path.Combine(Path.GetTempPath(), $"ecosim-lab-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            string commandLine = $"ecosim serve (lab run {run.Id}, {run.Source.Name})";
            RunOutputs.WriteRun(Path.Combine(work, folder), new ScenarioRun(result, run.Source.Name, run.Source.Sha256, commandLine, run.Created), []);
            string zip = Path.Combine(work, folder + ".zip");
            ZipFile.CreateFromDirectory(Path.Combine(work, folder), zip, CompressionLevel.Fastest, includeBaseDirectory: true);
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{folder}.zip\"";
            context.Response.ContentLength = new FileInfo(zip).Length;
            await context.Response.SendFileAsync(zip, context.RequestAborted);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // the temporary directory is ours; a file still open is removed with the next download's cleanup or the OS's
            }
        }
    };

    private static LabRun Find(LabRuns runs, string id) => runs.Get(id) ?? throw new LabNotFoundException($"no run '{id}'");

    private static int Replication(string? text, LabRun run) =>
        text is null ? 0
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int r) && r < run.Live.Scenario.Replications ? r
        : throw new LabNotFoundException($"run {run.Id} has no replication '{text}' (it has {run.Live.Scenario.Replications})");

    private static int Delay(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.TryParse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out double d) && d >= 0 && d <= MaxDelayMilliseconds && d == Math.Floor(d) ? (int)d
        : throw new LabBadRequestException($"delay_ms: expected a whole number of milliseconds from 0 to {MaxDelayMilliseconds}, found {node.ToJsonString()}");

    /// <summary>The request's JSON object; an empty body is an empty object.</summary>
    private static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new LabBadRequestException("the body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new LabBadRequestException($"the body is not JSON: {e.Message}");
        }
    }

    private static void Fields(JsonObject body, params string[] allowed)
    {
        if (body.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
        {
            throw new LabBadRequestException(allowed.Length == 0 ? $"unknown field '{unknown}': this call takes none" : $"unknown field '{unknown}'; expected {string.Join(", ", allowed)}");
        }
    }

    private static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(LabJson.Text(node), "application/json", System.Text.Encoding.UTF8, status);

    /// <summary>201 with the new run's address.</summary>
    private sealed class Created(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>No such run, agent or scenario (404).</summary>
public sealed class LabNotFoundException(string message) : Exception(message);
