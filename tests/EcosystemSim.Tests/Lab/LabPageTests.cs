using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcosystemSim.Tests.Scenarios;
using EcosystemSim.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemSim.Tests.Lab;

/// <summary>
/// The lab's page (Host/Lab/wwwroot) in a real browser against a real `ecosim serve`: a teacher's
/// session with premium-spiral from the catalogue to a download that `ecosim run manifest.json`
/// repeats byte for byte; the page without its token; bad YAML shown at its line and field; two
/// runs side by side and the classroom view. With ECOSIM_SCREENSHOTS=1 the tests also write the
/// screenshots of docs/lab.md (docs/images/lab_*.png).
/// </summary>
public partial class LabPageTests
{
    /// <summary>The lever changed mid-run: the product's price ceiling (its launch premium no longer acts once it is on sale).</summary>
    private const string Lever = "market.products[open_cover].premium_cap_yuan";

    /// <summary>The field changed in the form before a run starts: the product's launch premium.</summary>
    private const string FormLever = "market.products[open_cover].premium_yuan";

    private static readonly bool Screenshots = Environment.GetEnvironmentVariable("ECOSIM_SCREENSHOTS") == "1";

    [Fact]
    public async Task A_teacher_steps_premium_spiral_changes_the_premium_inspects_agents_and_downloads_a_run_that_repeats_byte_for_byte()
    {
        await using var server = await LabServer.StartAsync("--max-households", "20000");
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(server.Address.ToString());
        await Expect(page.Locator("[data-testid=scenario-card][data-name=premium-spiral]")).ToBeVisibleAsync();
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal); // the page takes the token out of the address bar
        await Shot(page, "catalogue");

        // 2000 households keeps the test short; the screenshots use the scenario's own 5000.
        await page.GetByTestId("start-households").FillAsync(Screenshots ? "" : "2000");
        await page.Locator("[data-testid=scenario-card][data-name=premium-spiral] [data-testid=btn-start]").ClickAsync();
        var coverage = page.GetByTestId("chart-coverage");
        await Expect(page.GetByTestId("run-state")).ToHaveTextAsync("paused");
        await Expect(coverage).ToHaveAttributeAsync("data-years", "0");
        Assert.Equal(0, await coverage.GetByTestId("chart-point").CountAsync());

        // Step three years: the coverage chart gains a point a year on each of its three series, and every chart has points.
        int before = 0;
        for (int year = 1; year <= 3; year++)
        {
            await page.GetByTestId("btn-step").ClickAsync();
            await Expect(coverage).ToHaveAttributeAsync("data-years", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            int points = await coverage.GetByTestId("chart-point").CountAsync();
            Assert.True(points > before, $"year {year}: {points} points on the coverage chart, {before} before");
            before = points;
        }
        Assert.Equal(3 * 3, before); // three series, three years
        await Expect(page.GetByTestId("run-year")).ToHaveAttributeAsync("data-year", "2023");
        foreach (string chart in new[] { "pensions", "inequality", "poverty", "spending", "market", "premiums" })
        {
            Assert.True(await page.GetByTestId("chart-" + chart).GetByTestId("chart-point").CountAsync() > 0, $"the {chart} chart has no point after three years");
        }

        // Change the premium now (a price ceiling): it holds from 2024 and is marked on every chart.
        await page.GetByTestId("lever-path").SelectOptionAsync(Lever);
        await Expect(page.GetByTestId("lever-current")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("lever-hint")).ToContainTextAsync("yuan/year");
        await page.GetByTestId("lever-value").FillAsync("-5");
        await page.GetByTestId("btn-intervene").ClickAsync();
        await Expect(page.GetByTestId("lever-problem")).ToContainTextAsync("below the minimum");
        await page.GetByTestId("lever-value").FillAsync("250");
        await page.GetByTestId("lever-note").FillAsync("premium capped at 250 yuan");
        await page.GetByTestId("btn-intervene").ClickAsync();
        await Expect(page.GetByTestId("intervention")).ToContainTextAsync("premium capped at 250 yuan");
        await Expect(page.GetByTestId("chart-premiums").GetByTestId("marker")).ToHaveAttributeAsync("data-year", "2024");
        Assert.Equal(7, await page.GetByTestId("charts").GetByTestId("marker").CountAsync());
        var status = await Json(server, "/api/runs/r1");
        var intervention = Assert.Single(status["interventions"]!.AsArray())!;
        Assert.Equal(2024, intervention["year"]!.GetValue<int>());
        Assert.Equal(250, intervention["set"]![Lever]!.GetValue<double>());
        await Expect(page.GetByTestId("lever-current")).ToHaveTextAsync("250");

        for (int year = 4; year <= 5; year++)
        {
            await page.GetByTestId("btn-step").ClickAsync();
            await Expect(coverage).ToHaveAttributeAsync("data-years", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await Shot(page, "run");
        await page.GetByTestId("chart-spending").EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await Shot(page, "run_market");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        // Play to the end, with no pause between years.
        await page.GetByTestId("speed").FillAsync("0");
        await Expect(page.GetByTestId("speed-label")).ToHaveTextAsync("no pause");
        await page.GetByTestId("btn-play").ClickAsync();
        await Expect(page.GetByTestId("run-state")).ToHaveTextAsync("finished", new() { Timeout = 60_000 });
        await Expect(coverage).ToHaveAttributeAsync("data-years", "12");
        await Expect(page.GetByTestId("btn-step")).ToBeDisabledAsync();

        await InspectAsync(page);

        // Download through the page (the cookie from the address authorises the link), then repeat the run.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("btn-download").ClickAsync());
        using var temp = new TempDirectory();
        string zip = temp["run.zip"];
        await download.SaveAsAsync(zip);
        ZipFile.ExtractToDirectory(zip, temp["unzipped"]);
        string manifest = Directory.GetFiles(temp["unzipped"], "manifest.json", SearchOption.AllDirectories).Single();
        Assert.Contains(Lever, await File.ReadAllTextAsync(manifest));
        var (exit, output) = await EcosimAsync(["run", manifest, "--out", temp["rerun"], "--quiet"], temp.Path);
        Assert.True(exit == 0, $"ecosim run manifest.json: exit {exit}\n{output}");
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(manifest)!, "metrics.csv")),
            await File.ReadAllBytesAsync(temp["rerun/metrics.csv"]));

        Assert.Empty(browser.Errors);
        Assert.Equal(0, await server.StopAsync());
    }

    /// <summary>The inspector: the county table, a county, one of its households, the insurer.</summary>
    private static async Task InspectAsync(IPage page)
    {
        await page.GetByTestId("tab-inspector").ClickAsync();
        var rows = page.GetByTestId("county-row");
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() > 10, "the county table has too few rows");
        await Expect(page.GetByTestId("counties")).ToContainTextAsync("Counties in 2032");
        // The provinces' side of a county's budget: the cover of last year's debt and the surplus handed on.
        var header = page.GetByTestId("counties-table").Locator("thead");
        await Expect(header).ToContainTextAsync("cover");
        await Expect(header).ToContainTextAsync("returned");
        await rows.Nth(3).ClickAsync();
        var county = page.GetByTestId("county-detail");
        await Expect(county).ToHaveAttributeAsync("data-id", "3");
        await Expect(county.GetByTestId("county-history").Locator("tbody tr")).ToHaveCountAsync(12);

        await county.GetByTestId("household-link").Nth(2).ClickAsync();
        var household = page.GetByTestId("household-detail");
        await Expect(household).ToBeVisibleAsync();
        Assert.True(await household.GetByTestId("members-table").Locator("tbody tr").CountAsync() > 0, "the household shows no members");
        await Expect(household.GetByTestId("household-history").Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(household.GetByTestId("household-history").Locator("thead")).ToContainTextAsync("income");
        await Expect(household.GetByTestId("household-history").Locator("thead")).ToContainTextAsync("pension paid");
        await Expect(household.GetByTestId("household-history").Locator("thead")).ToContainTextAsync("top-up claims");
        await Expect(household.GetByTestId("household-history").Locator("thead")).ToContainTextAsync("products");
        await Shot(page, "inspector", scrollTo: "counties");

        await page.GetByTestId("insurer-link").ClickAsync();
        var insurer = page.GetByTestId("insurer-detail");
        await Expect(insurer).ToHaveAttributeAsync("data-id", "open_insurer");
        await Expect(insurer.GetByTestId("insurer-prices")).ToContainTextAsync("open_cover");
        await Expect(insurer.GetByTestId("insurer-history").Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(insurer.GetByTestId("insurer-history").Locator("thead")).ToContainTextAsync("loss ratio");
        await Shot(page, "insurer", scrollTo: "insurer-detail");
    }

    [Fact]
    public async Task Without_its_token_the_page_says_401_and_bad_values_and_yaml_are_shown_at_their_line_and_field()
    {
        await using var server = await LabServer.StartAsync("--max-households", "20000");
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;

        await page.GotoAsync(server.Root.ToString());
        var notice = page.GetByTestId("no-token");
        await Expect(notice.GetByTestId("no-token-title")).ToContainTextAsync("401");
        await Expect(notice).ToContainTextAsync("?token=");
        await Expect(notice.GetByTestId("no-token-server")).ToContainTextAsync("token");
        Assert.Equal(0, await page.GetByTestId("scenario-card").CountAsync());
        browser.Errors.RemoveAll(e => e.Contains("401", StringComparison.Ordinal)); // the browser logs the refused call

        // With the token: the form marks a changed lever, checks its range at the field, and the YAML editor
        // lists the server's problems by line and field.
        await page.GotoAsync(server.Address.ToString());
        await Expect(page.GetByTestId("scenario-card").First).ToBeVisibleAsync();
        await page.GotoAsync(server.Root + "#/new/premium-spiral");
        await Expect(page.GetByTestId("form-title")).ToHaveTextAsync("premium-spiral");
        var group = page.GetByTestId("group-market.products[open_cover]");
        await group.Locator("summary").ClickAsync();
        var field = group.Locator($"[data-testid=field][data-path='{FormLever}']");
        await Expect(field.GetByTestId("field-hint")).ToContainTextAsync("yuan/year");
        await Expect(field.GetByTestId("field-hint")).ToContainTextAsync("0 to 1,000,000");
        await Expect(field).ToContainTextAsync("Source:");
        await Expect(page.GetByTestId("param-" + FormLever)).ToHaveValueAsync("400");
        await page.GetByTestId("param-" + FormLever).FillAsync("-5");
        await Expect(field).ToHaveClassAsync(new Regex(@"\bchanged\b"));
        await Expect(field.GetByTestId("field-problem")).ToContainTextAsync("below the minimum");
        await Expect(page.GetByTestId("changed-count")).ToHaveTextAsync("1 lever changed");
        await Shot(page, "form", scrollTo: "group-market.products[open_cover]");
        await page.GetByTestId("btn-create").ClickAsync();
        await Expect(page.GetByTestId("form-problems")).ToContainTextAsync("fixing");
        Assert.Equal("[]", (await Json(server, "/api/runs")).ToJsonString()); // nothing was sent

        await page.GetByTestId("yaml-toggle").ClickAsync();
        await page.GetByTestId("yaml-text").FillAsync("name: mine\nbase: premium-spiral\npension:\n  vesting_yeers: 3\n");
        await page.GetByTestId("btn-check-yaml").ClickAsync();
        var problem = page.GetByTestId("yaml-problem");
        await Expect(problem).ToHaveCountAsync(1);
        await Expect(problem).ToHaveAttributeAsync("data-line", "4");
        await Expect(problem.GetByTestId("yaml-problem-line")).ToHaveTextAsync("line 4, column 3");
        await Expect(problem.GetByTestId("yaml-problem-field")).ToHaveTextAsync("pension.vesting_yeers");
        await Expect(problem).ToContainTextAsync("did you mean 'vesting_years'?");
        await Shot(page, "yaml", scrollTo: "yaml-editor");

        // A value out of range found by the server when creating the run is shown the same way.
        await page.GetByTestId("yaml-text").FillAsync("name: mine\nbase: premium-spiral\npension:\n  vesting_years: -3\n");
        await page.GetByTestId("btn-create-yaml").ClickAsync();
        await Expect(problem.GetByTestId("yaml-problem-field")).ToHaveTextAsync("pension.vesting_years");
        await Expect(problem).ToHaveAttributeAsync("data-line", "4");
        await Expect(problem).ToContainTextAsync("out of range");

        Assert.DoesNotContain(browser.Errors, e => !e.Contains("400", StringComparison.Ordinal)); // the refused create is logged as a 400
        Assert.Equal(0, await server.StopAsync());
    }

    [Fact]
    public async Task Two_runs_side_by_side_step_together_with_paired_differences_and_the_classroom_shows_the_lessons_chart()
    {
        await using var server = await LabServer.StartAsync("--max-households", "20000");
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(server.Address.ToString());
        await page.GetByTestId("start-households").FillAsync("5000");
        await page.Locator("[data-testid=scenario-card][data-name=premium-spiral] [data-testid=btn-start]").ClickAsync();
        await Expect(page.GetByTestId("run-state")).ToHaveTextAsync("paused");
        await page.GetByTestId("tab-compare").ClickAsync();
        await page.GetByTestId("compare-scenario").SelectOptionAsync("premium-spiral-cured");
        await page.GetByTestId("btn-compare").ClickAsync();
        // Uptake has a value every year in both runs (the default, the product's average premium, has none
        // once the uncured product has no policies left, and the difference chart then skips that year).
        await page.GetByTestId("compare-metric").SelectOptionAsync("supplementary_medical_uptake");
        var difference = page.GetByTestId("chart-difference");
        await Expect(difference).ToHaveAttributeAsync("data-years", "0");
        for (int year = 1; year <= 5; year++)
        {
            await page.GetByTestId("btn-step").ClickAsync();
            await Expect(page.GetByTestId("chart-levels")).ToHaveAttributeAsync("data-years", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await Expect(difference).ToHaveAttributeAsync("data-years", "5");
        await Expect(page.GetByTestId("compare-table").Locator("tbody tr")).ToHaveCountAsync(5);
        var (first, second) = (await Json(server, "/api/runs/r1"), await Json(server, "/api/runs/r2"));
        Assert.Equal(first["seed"]!.GetValue<long>(), second["seed"]!.GetValue<long>());
        Assert.Equal(2025, second["year"]!.GetValue<int>());
        Assert.Equal("premium-spiral-cured", second["scenario"]!.GetValue<string>());
        await Shot(page, "compare", scrollTo: "compare-head");

        var list = (await Json(server, "/api/scenarios")).AsArray();
        var lesson = list.Single(s => s!["name"]!.GetValue<string>() == "premium-spiral")!["lesson"]!;
        await page.GotoAsync(server.Root + "#/");
        await page.Locator("[data-testid=scenario-card][data-name=premium-spiral] [data-testid=btn-class]").ClickAsync();
        await Expect(page.GetByTestId("lesson-question")).ToHaveTextAsync(lesson["title"]!.GetValue<string>());
        var chart = page.GetByTestId("class-chart");
        await Expect(chart.Locator("g.series")).ToHaveCountAsync(lesson["charts"]!.AsArray().Count);
        for (int year = 1; year <= 4; year++)
        {
            await page.GetByTestId("btn-step").ClickAsync();
            await Expect(chart.GetByTestId("chart-lesson")).ToHaveAttributeAsync("data-years", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await Expect(page.GetByTestId("class-year")).ToContainTextAsync("2024");
        await Shot(page, "classroom");

        Assert.Empty(browser.Errors);
        Assert.Equal(0, await server.StopAsync());
    }

    [Fact]
    public void The_page_inserts_no_markup_and_loads_nothing_from_elsewhere()
    {
        string dir = Path.Combine(ScenarioLoaderTests.RepositoryRoot(), "Host", "Lab", "wwwroot");
        string script = File.ReadAllText(Path.Combine(dir, "lab.js"));
        foreach (string forbidden in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(forbidden, script, StringComparison.Ordinal);
        }
        foreach (string file in new[] { "index.html", "lab.js", "lab.css" })
        {
            string text = File.ReadAllText(Path.Combine(dir, file));
            var urls = ExternalUrl().Matches(text).Select(m => m.Value).Where(u => u != "http://www.w3.org/2000/svg" && !u.StartsWith("http://127.0.0.1:PORT", StringComparison.Ordinal));
            Assert.Empty(urls);
        }
        string html = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.DoesNotMatch(new Regex(@"<script(?![^>]*\bsrc=)", RegexOptions.IgnoreCase), html); // no inline script (the CSP forbids it)
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+=", RegexOptions.IgnoreCase), html);
    }

    [GeneratedRegex(@"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s'""`)]*|https?://[^\s'""`)]+", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    private static async Task<JsonNode> Json(LabServer server, string path) =>
        JsonNode.Parse(await server.Client.GetStringAsync(path))!;

    /// <summary>docs/images/lab_NAME.png when ECOSIM_SCREENSHOTS=1, with the element of that test id at the top.</summary>
    private static async Task Shot(IPage page, string name, string? scrollTo = null)
    {
        if (!Screenshots) return;
        if (scrollTo is not null)
        {
            await page.GetByTestId(scrollTo).EvaluateAsync("e => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -12); }");
        }
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScenarioLoaderTests.RepositoryRoot(), "docs", "images", $"lab_{name}.png") });
    }

    /// <summary>The built ecosim beside the tests, run as a process; its exit code and what it printed.</summary>
    private static async Task<(int Exit, string Output)> EcosimAsync(string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecosim.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ecosim {string.Join(' ', args)} took more than 90 s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Headless Debian chromium with one 1280x800 page, and every error the page logged.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private Browser(IPlaywright playwright, IBrowser browser, IPage page)
        {
            _playwright = playwright;
            _browser = browser;
            Page = page;
            page.Console += (_, message) =>
            {
                if (message.Type == "error") lock (Errors) Errors.Add(message.Text);
            };
            page.PageError += (_, error) =>
            {
                lock (Errors) Errors.Add(error);
            };
        }

        public IPage Page { get; }

        public List<string> Errors { get; } = [];

        public static async Task<Browser> OpenAsync()
        {
            string chromium = await Chromium.PathAsync();
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, AcceptDownloads = true });
            context.SetDefaultTimeout(20_000);
            SetDefaultExpectTimeout(20_000);
            var page = await context.NewPageAsync();
            return new Browser(playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.CloseAsync();
            _playwright.Dispose();
        }
    }
}
