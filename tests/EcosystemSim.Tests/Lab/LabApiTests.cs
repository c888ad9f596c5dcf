using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Lab;

/// <summary>One `ecosim serve` process for the API tests that can share it.</summary>
public sealed class LabServerFixture : IAsyncLifetime
{
    public LabServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LabServer.StartAsync("--max-households", "20000", "--max-runs", "50");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The lab's API (docs/api.md) against a real `ecosim serve` on a free loopback port: the token,
/// bad input answered as `ecosim validate` answers it, limits, a run stepped, changed and played,
/// the inspector, paired comparison, and a download that `ecosim run manifest.json` repeats byte for byte.
/// </summary>
public class LabApiTests(LabServerFixture fixture) : IClassFixture<LabServerFixture>
{
    private LabServer Server => fixture.Server;

    private HttpClient Api => Server.Client;

    [Fact]
    public async Task Every_api_call_needs_the_token_and_a_cookie_alone_changes_nothing()
    {
        using var bare = new HttpClient { BaseAddress = Server.Root };
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/api/scenarios")).StatusCode);
        var post = await bare.PostAsJsonAsync("/api/runs", new { scenario = "baseline" });
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Contains("token", (await Json(post))["error"]!.GetValue<string>());
        using var wrong = new HttpClient { BaseAddress = Server.Root };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/scenarios")).StatusCode);

        // The page's address sets a cookie that serves GET calls (event streams, downloads) but not changes.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Server.Root };
        var page = await browser.GetAsync(Server.Address.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString());
        Assert.Contains(cookies.GetCookies(Server.Root).Cast<Cookie>(), c => c.Name == "ecosim_lab" && c.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/scenarios")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/runs", new { scenario = "baseline" })).StatusCode);
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));

        // A page from another name for this address (DNS rebinding) is refused.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.SendAsync(rebound)).StatusCode);
    }

    [Fact]
    public async Task Bad_scenario_text_gets_400_with_the_problems_validate_gives()
    {
        const string yaml = "name: mine\nbase: baseline\nhouseholds: -5\npension:\n  no_such_lever: 3\n";
        var expected = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), "scenario.yaml")).Problems;
        var answer = await Api.PostAsJsonAsync("/api/runs", new { yaml });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problems = (await Json(answer))["problems"]!.AsArray();
        Assert.Equal(expected.Select(p => (p.Line, p.Field, p.Message)), problems.Select(p => ((int)p!["line"]!, (string)p["field"]!, (string)p["message"]!)));
        Assert.Contains(problems, p => (string)p!["field"]! == "households" && (int)p["line"]! == 3);
        Assert.Contains(problems, p => ((string)p!["field"]!).Contains("no_such_lever") && (int)p["line"]! == 5);
        var validate = await Json(await Api.PostAsJsonAsync("/api/validate", new { yaml }));
        Assert.Equal(problems.ToJsonString(), validate["problems"]!.ToJsonString());
        Assert.Empty((await Json(await Api.PostAsJsonAsync("/api/validate", new { yaml = "name: fine\nbase: baseline\n" })))["problems"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"yaml": "name: x\nbase: /etc/passwd\n"}""", "base")]
    [InlineData("""{"yaml": "name: x\nbase: ../../secret.yaml\n"}""", "base")]
    [InlineData("""{"scenario": "/etc/passwd"}""", "not a built-in")]
    [InlineData("""{"scenario": "baseline", "households": 0}""", "households")]
    [InlineData("""{"scenario": "baseline", "households": 2.5}""", "households")]
    [InlineData("""{"scenario": "baseline", "seed": "seven"}""", "seed")]
    [InlineData("""{"scenario": "baseline", "engine": "gpu"}""", "engine")]
    [InlineData("""{"scenario": "baseline", "out": "/tmp/x"}""", "unknown field 'out'")]
    [InlineData("""{"scenario": "baseline", "set": {"pension.minimum_monthly_yuan": -1}}""", "set.pension.minimum_monthly_yuan")]
    [InlineData("""{"scenario": "baseline", "set": {"market.products[nope].premium_yuan": 1}}""", "set.market.products[nope].premium_yuan")]
    [InlineData("""{"scenario": "baseline", "set": {"pension.minimum_monthly_yuan": "1 # x"}}""", "set.pension.minimum_monthly_yuan")]
    [InlineData("""{"scenario": "baseline", "households": 20001}""", "--max-households")]
    [InlineData("""[1, 2]""", "JSON object")]
    [InlineData("""{"scenario": """, "not JSON")]
    public async Task Bad_requests_get_400_naming_the_field_and_never_a_500(string body, string named)
    {
        var answer = await Api.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{(int)answer.StatusCode}: {text}");
        Assert.Contains(named, text);
    }

    [Fact]
    public async Task A_run_steps_changes_and_plays_in_the_lab_and_its_download_repeats_byte_for_byte_on_both_engines()
    {
        var run = await CreateAsync(new JsonObject { ["scenario"] = "premium-spiral", ["households"] = 1500, ["years"] = 6, ["replications"] = 2 });
        string id = (string)run["id"]!;
        Assert.Equal("paused", (string)run["state"]!);
        Assert.Null(run["year"]);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.GetAsync($"/api/runs/{id}/download")).StatusCode);
        using var events = new EventReader(await Api.GetStreamAsync($"/api/runs/{id}/events"));
        Assert.Equal("status", (await events.NextAsync()).Name);

        var stepped = await Json(await Api.PostAsync($"/api/runs/{id}/step", null));
        Assert.Equal(2021, (int)stepped["year"]!);
        var year = await events.NextAsync();
        Assert.Equal(("year", 2021), (year.Name, (int)year.Data["year"]!));
        Assert.NotNull(year.Data["headline"]!["medical_enrollment_rate"]);
        await Api.PostAsync($"/api/runs/{id}/step", null);
        var changed = await Json(await Api.PostAsJsonAsync($"/api/runs/{id}/interventions",
            new JsonObject { ["set"] = new JsonObject { ["market.products[open_cover].premium_cap_yuan"] = 450 }, ["note"] = "cheaper, now" }));
        Assert.Equal(2023, (int)changed["interventions"]![0]!["year"]!);
        var rows = (await Json(await Api.GetAsync($"/api/runs/{id}/metrics?metric=medical_enrollment_rate&region=national"))).AsArray();
        Assert.Equal(4, rows.Count); // two years, two replications

        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsJsonAsync($"/api/runs/{id}/play", new { delay_ms = 0 })).StatusCode);
        var finished = await UntilAsync(id, "finished");
        Assert.Equal(2026, (int)finished["year"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync($"/api/runs/{id}/step", null)).StatusCode);
        var seen = await events.UntilAsync(e => e.Name == "status" && (string)e.Data["state"]! == "finished");
        Assert.Equal([2022, 2023, 2024, 2025, 2026], seen.Where(e => e.Name == "year").Select(e => (int)e.Data["year"]!).ToArray());

        using var work = new TempDirectory();
        var zip = await Api.GetAsync($"/api/runs/{id}/download");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        await using (var stream = await zip.Content.ReadAsStreamAsync()) ZipFile.ExtractToDirectory(stream, work.Path);
        string folder = Directory.GetDirectories(work.Path).Single();
        Assert.Equal($"premium-spiral-{id}", Path.GetFileName(folder));
        foreach (string file in new[] { "manifest.json", "metrics.csv", "summary.csv", "lorenz.csv", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} missing from the download");
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "plots"), "*.svg"));
        foreach (string engine in new[] { "orleans", "inprocess" })
        {
            var rerun = await Cli.Run("run", Path.Combine(folder, "manifest.json"), "--engine", engine, "--out", work[$"again-{engine}"], "--quiet");
            Assert.True(rerun.ExitCode == 0, rerun.Stderr);
            Assert.True(File.ReadAllBytes(Path.Combine(folder, "metrics.csv")).AsSpan().SequenceEqual(File.ReadAllBytes(work[$"again-{engine}/metrics.csv"])),
                $"ecosim run manifest.json --engine {engine} gave another metrics.csv than the lab's run");
        }
        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/api/runs/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_inspector_opens_counties_households_and_insurers_and_answers_404_for_what_the_run_does_not_have()
    {
        string id = (string)(await CreateAsync(new JsonObject { ["scenario"] = "premium-spiral", ["households"] = 1000, ["years"] = 4, ["engine"] = "inprocess" }))["id"]!;
        Assert.Empty((await Json(await Api.GetAsync($"/api/runs/{id}/counties"))).AsArray());
        await Api.PostAsync($"/api/runs/{id}/step", null);
        await Api.PostAsync($"/api/runs/{id}/step", null);
        var counties = (await Json(await Api.GetAsync($"/api/runs/{id}/counties"))).AsArray();
        Assert.Equal(40, counties.Count);
        Assert.Equal(1000, counties.Sum(c => (int)c!["households"]!));
        var county = await Json(await Api.GetAsync($"/api/runs/{id}/counties/{counties[5]!["id"]}"));
        int member = (int)county["state"]!["household_ids"]![0]!;
        var household = await Json(await Api.GetAsync($"/api/runs/{id}/households/{member}"));
        Assert.Equal(("household", member), ((string)household["kind"]!, (int)household["id"]!));
        Assert.Equal(2, household["history"]!.AsArray().Count);
        var insurer = await Json(await Api.GetAsync($"/api/runs/{id}/insurers/open_insurer"));
        Assert.Equal(2, insurer["history"]!.AsArray().Count);
        foreach (string path in new[] { "households/1000", "households/-1", "households/x", "counties/40", "insurers/nobody", "insurers/3", "households/1?replication=1" })
        {
            var answer = await Api.GetAsync($"/api/runs/{id}/{path}");
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)answer.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/runs/r999/households/1")).StatusCode);
    }

    [Fact]
    public async Task Two_runs_with_the_same_draws_compare_as_compare_does_and_other_draws_are_refused()
    {
        var settings = new JsonObject { ["households"] = 1000, ["years"] = 3, ["replications"] = 2, ["engine"] = "inprocess" };
        string a = (string)(await CreateAsync(With(settings, "scenario", "baseline")))["id"]!;
        var reform = With(settings, "scenario", "baseline");
        reform["set"] = new JsonObject { ["pension.minimum_monthly_yuan"] = "{2021: 400}" };
        string b = (string)(await CreateAsync(reform))["id"]!;
        foreach (string id in new[] { a, b }) await Api.PostAsync($"/api/runs/{id}/step", null);
        var rows = (await Json(await Api.GetAsync($"/api/runs/{a}/compare/{b}?metric=avg_monthly_pension_yuan"))).AsArray();
        var national = rows.Single(r => (string)r!["region"]! == "national");
        Assert.Equal((2021, 2), ((int)national!["year"]!, (int)national["n"]!));
        Assert.True((double)national["difference"]! > 50, national.ToJsonString());
        Assert.True((double)national["ci_low"]! <= (double)national["difference"]! && (double)national["difference"]! <= (double)national["ci_high"]!);

        var otherSeed = With(settings, "scenario", "baseline");
        otherSeed["seed"] = 99;
        string c = (string)(await CreateAsync(otherSeed))["id"]!;
        Assert.Equal(HttpStatusCode.Conflict, (await Api.GetAsync($"/api/runs/{a}/compare/{c}")).StatusCode);
    }

    [Fact]
    public async Task Limits_answer_400_and_429_with_a_message_and_the_server_stops_cleanly_on_ctrl_c()
    {
        await using var small = await LabServer.StartAsync("--max-households", "3000", "--max-runs", "1", "--engine", "inprocess");
        var tooBig = await small.Client.PostAsJsonAsync("/api/runs", new { scenario = "baseline", households = 1600, replications = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("--max-households 3000", (await Json(tooBig))["error"]!.GetValue<string>());
        var first = await small.Client.PostAsJsonAsync("/api/runs", new { scenario = "baseline", households = 500, years = 2 });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("inprocess", (string)(await Json(first))["engine"]!);
        var second = await small.Client.PostAsJsonAsync("/api/runs", new { scenario = "baseline", households = 500, years = 2 });
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        Assert.Contains("--max-runs", (await Json(second))["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await small.Client.DeleteAsync(first.Headers.Location)).StatusCode);
        var third = await small.Client.PostAsJsonAsync("/api/runs", new { scenario = "baseline", households = 500, years = 2 });
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);

        // A page still watching a run does not hold the server up: Ctrl-C ends its event stream and the server exits 0.
        await using var watching = await small.Client.GetStreamAsync($"{third.Headers.Location}/events");
        Assert.Equal(0, await small.StopAsync());
        var noise = small.Stderr.Split('\n').Where(l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" WRN]", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        Assert.Empty(noise);
    }

    [Fact]
    public async Task The_catalogue_parameters_and_metrics_describe_what_the_page_is_built_from()
    {
        var scenarios = (await Json(await Api.GetAsync("/api/scenarios"))).AsArray();
        var spiral = scenarios.Single(s => (string)s!["name"]! == "premium-spiral")!;
        Assert.True((bool)spiral["teaching"]!);
        var metrics = (await Json(await Api.GetAsync("/api/metrics"))).AsArray().Select(m => (string)m!["name"]!).ToHashSet();
        Assert.All(spiral["lesson"]!["charts"]!.AsArray(), c => Assert.Contains((string)c![0]!, metrics));
        var parameters = (await Json(await Api.GetAsync("/api/parameters"))).AsArray();
        var premium = parameters.Single(p => (string)p!["path"]! == "market.products[ID].premium_yuan")!;
        Assert.Equal("yuan/year", (string)premium["unit"]!);
        Assert.Equal(0, (double)premium["min"]!);
        var detail = await Json(await Api.GetAsync("/api/scenarios/premium-spiral"));
        Assert.Contains("open_cover", (string)detail["yaml"]!);
        Assert.NotNull(detail["values"]!["market.products[open_cover].premium_yuan"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/scenarios/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    private async Task<JsonObject> CreateAsync(JsonObject body)
    {
        var answer = await Api.PostAsJsonAsync("/api/runs", body);
        var json = await Json(answer);
        Assert.True(answer.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        Assert.Equal($"/api/runs/{json["id"]}", answer.Headers.Location!.ToString());
        return json.AsObject();
    }

    private async Task<JsonNode> UntilAsync(string id, string state)
    {
        for (int i = 0; i < 600; i++)
        {
            var status = await Json(await Api.GetAsync($"/api/runs/{id}"));
            if ((string)status["state"]! == state) return status;
            Assert.NotEqual("failed", (string)status["state"]!);
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {id} did not become {state}");
    }

    private static JsonObject With(JsonObject settings, string key, string value)
    {
        var copy = settings.DeepClone().AsObject();
        copy[key] = value;
        return copy;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage answer) => JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

    /// <summary>Reads server-sent events: `event: NAME` and `data: JSON` lines, an empty line between events.</summary>
    private sealed class EventReader(Stream stream) : IDisposable
    {
        private readonly StreamReader _reader = new(stream);

        public async Task<(string Name, JsonNode Data)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string name = "message";
            JsonNode? data = null;
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = JsonNode.Parse(line[6..]);
                else if (line.Length == 0 && data is not null) return (name, data);
            }
            throw new EndOfStreamException("the event stream ended");
        }

        public async Task<List<(string Name, JsonNode Data)>> UntilAsync(Func<(string Name, JsonNode Data), bool> last)
        {
            var seen = new List<(string, JsonNode)>();
            while (true)
            {
                var e = await NextAsync();
                seen.Add(e);
                if (last(e)) return seen;
            }
        }

        public void Dispose() => _reader.Dispose();
    }
}
