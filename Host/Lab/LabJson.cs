using System.Text.Json.Nodes;
using EcosystemSim.Model;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Host.Lab;

/// <summary>The API's answers as JSON (docs/api.md): snake_case names, non-finite numbers as null.</summary>
public static class LabJson
{
    /// <summary>Integers above this lose digits in JavaScript and most JSON readers; such seeds are written as strings.</summary>
    private const ulong ExactInJson = 1UL << 53;

    /// <summary>Text as JSON: readable (an apostrophe stays one), safe because answers are JSON and the page inserts text, never markup.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A node's JSON text.</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A run's status.</summary>
    public static JsonObject Status(LabRun run)
    {
        var live = run.Live;
        var scenario = live.Scenario;
        int yearsDone = live.NextYear - scenario.StartYear;
        return new JsonObject
        {
            ["id"] = run.Id,
            ["scenario"] = scenario.Name,
            ["state"] = run.State,
            ["year"] = yearsDone > 0 ? live.NextYear - 1 : null,
            ["next_year"] = live.Done ? null : live.NextYear,
            ["start_year"] = scenario.StartYear,
            ["end_year"] = scenario.EndYear,
            ["years_done"] = yearsDone,
            ["households"] = scenario.Households,
            ["replications"] = scenario.Replications,
            ["seed"] = scenario.Seed < ExactInJson ? JsonValue.Create(scenario.Seed) : JsonValue.Create(scenario.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["engine"] = run.Engine,
            ["counties"] = live.Plan(0).Layout.Count,
            ["insurers"] = new JsonArray(scenario.Model.Market.Insurers.Select(i => (JsonNode?)i.Id).ToArray()),
            ["products"] = new JsonArray(scenario.Model.Market.Products.Select(p => (JsonNode?)p.Id).ToArray()),
            ["interventions"] = ScenarioWriter.ToJson(scenario)["interventions"]?.DeepClone() ?? new JsonArray(),
            ["created"] = run.Created.ToString("O"),
            ["error"] = run.Error,
        };
    }

    /// <summary>A year event: the year, the state and the headline metrics' national values (mean over replications).</summary>
    public static JsonObject YearEvent(LabRun run, int year)
    {
        var headline = new JsonObject();
        var rows = run.Rows.Where(r => r.Year == year && r.Region == "national").ToLookup(r => r.Metric);
        foreach (string metric in LabCatalogue.Headline)
        {
            var values = rows[metric].Select(r => r.Value).ToArray();
            headline[metric] = values.Length == 0 ? null : Number(values.Average());
        }
        return new JsonObject { ["year"] = year, ["state"] = run.State, ["headline"] = headline };
    }

    /// <summary>Metric rows as in metrics.csv.</summary>
    public static JsonArray Metrics(IEnumerable<MetricRow> rows) =>
        new(rows.Select(r => (JsonNode?)new JsonObject
        {
            ["replication"] = r.Replication,
            ["year"] = r.Year,
            ["region"] = r.Region,
            ["metric"] = r.Metric,
            ["value"] = Number(r.Value),
        }).ToArray());

    /// <summary>Paired differences as comparison.csv has them.</summary>
    public static JsonArray Comparison(ComparisonTable table, Func<string, bool> metric) =>
        new(table.Rows.Where(r => metric(r.Metric)).Select(r => (JsonNode?)new JsonObject
        {
            ["year"] = r.Year,
            ["region"] = r.Region,
            ["metric"] = r.Metric,
            ["baseline"] = Number(r.BaselineMean),
            ["scenario"] = Number(r.ScenarioMean),
            ["difference"] = Number(r.Difference.Mean),
            ["ci_low"] = Number(r.Difference.CiLow),
            ["ci_high"] = Number(r.Difference.CiHigh),
            ["n"] = r.Difference.N,
        }).ToArray());

    /// <summary>
    /// The inspector's table of counties from the last year's records of a replication: budget,
    /// cuts, trust and dibao by county. Empty before the first year.
    /// </summary>
    public static JsonArray Counties(YearRecords? records)
    {
        if (records is null) return [];
        var households = records.Households.GroupBy(h => h.County).ToDictionary(g => g.Key, g => g.ToArray());
        var list = new JsonArray();
        foreach (var ledger in records.Ledgers.OrderBy(l => l.CountyId))
        {
            var own = households.GetValueOrDefault(ledger.CountyId, []);
            long members = own.Sum(h => (long)h.Members);
            list.Add(new JsonObject
            {
                ["id"] = ledger.CountyId,
                ["region"] = Regions.Name(ledger.Region),
                ["year"] = ledger.Year,
                ["households"] = own.Length,
                ["persons"] = members,
                ["revenue_yuan"] = Yuan(ledger.RevenueFen),
                ["local_spending_yuan"] = Yuan(ledger.LocalSpendingFen),
                ["central_spending_yuan"] = Yuan(ledger.CentralSpendingFen),
                ["equalisation_yuan"] = Yuan(ledger.EqualisationFen),
                ["reserve_yuan"] = Yuan(ledger.ReserveFen),
                ["shortfall_cover_yuan"] = Yuan(ledger.ShortfallCoverFen),
                ["surplus_returned_yuan"] = Yuan(ledger.SurplusHandedUpFen + ledger.SurplusReleasedFen),
                ["payment_ratio"] = Number(ledger.PaymentRatio),
                ["cutting"] = ledger.PaymentRatio < 1,
                ["trust"] = members == 0 ? null : Number(own.Sum(h => h.Trust * h.Members) / members),
                ["dibao_households"] = own.Count(h => h.DibaoReceiving),
                ["scandal"] = ledger.ScandalDetected,
            });
        }
        return list;
    }

    /// <summary>An error: one line, and the problems of a scenario or value that did not validate.</summary>
    public static JsonObject Error(string message, IEnumerable<ScenarioProblem>? problems = null)
    {
        var json = new JsonObject { ["error"] = Cli.ProcessGuard.OneLine(message) };
        if (problems is not null) json["problems"] = Problems(problems);
        return json;
    }

    /// <summary>Problems as <c>ecosim validate</c> finds them: line, column, field and message.</summary>
    public static JsonArray Problems(IEnumerable<ScenarioProblem> problems) =>
        new(problems.Select(p => (JsonNode?)new JsonObject
        {
            ["line"] = p.Line,
            ["column"] = p.Column,
            ["field"] = p.Field,
            ["message"] = p.Message,
            ["text"] = p.ToString(),
        }).ToArray());

    private static double Yuan(long fen) => fen / 100.0;

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
