using System.Globalization;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Reports.Plots;

namespace EcosystemSim.Reports.Html;

/// <summary>
/// Why a headline moved: for the outcomes that answer behaviour rather than a rule a reform sets
/// directly, the model's channels (the inputs of the decision rule that produces the outcome) and
/// how each channel's metric moved in the same comparison, so that a reading can name the channel
/// that carried a change a user would not expect (issue 17: a higher minimum pension moving
/// contributions or trust). The channels are the terms of the rules in docs/model.md; the reading
/// reports the paired differences of their metrics, it does not estimate effects.
/// </summary>
public static class Mechanisms
{
    /// <summary>A channel: a metric that feeds the outcome's rule, and what it stands for.</summary>
    public sealed record Channel(string Metric, string Name, double Scale, string Unit);

    /// <summary>
    /// An outcome with the rule that produces it, in words, and its channels. A stock (trust) carries
    /// its history, so its channels are read over every year up to the one traced, not in it alone.
    /// </summary>
    public sealed record Outcome(string Metric, string Rule, IReadOnlyList<Channel> Channels, bool Stock = false);

    private static readonly Channel Trust = new("avg_trust", "trust", 1, "0-1");
    private static readonly Channel Awareness = new("avg_awareness", "awareness", 1, "0-1");
    private static readonly Channel Cutting = new("counties_cutting_share", "counties cutting benefits", 100, "%");
    private static readonly Channel Scandals = new("scandal_counties", "counties with a scandal", 100, "%");
    private static readonly Channel Uncovered = new("uncovered_admission_share", "hospital stays not covered", 100, "%");
    private static readonly Channel Pension = new("avg_monthly_pension_yuan", "the average pension", 1, "yuan");

    /// <summary>The outcomes whose changes are traced, with the rules of docs/model.md.</summary>
    public static IReadOnlyList<Outcome> Outcomes { get; } =
    [
        new("pension_contribution_rate",
            "contributing answers trust, awareness, the county's contribution rate (peers), habit, vesting, income rank and age, not the size of the pension",
            [Trust, Awareness, Cutting, Scandals]),
        new("avg_trust",
            "trust rises when a public benefit is paid and falls with a county's cut of benefits, a scandal or a hospital stay not covered",
            [Cutting, Scandals, Uncovered, new("pension_recipient_rate", "pension receipt among the 60+", 100, "%")], Stock: true),
        new("medical_enrollment_rate",
            "enrolment answers the premium against the reimbursement a member expects, trust, awareness, habit and peers; members insured at work leave it",
            [Trust, Awareness, new("medical_insured_at_work_share", "residents insured at work", 100, "%"), Uncovered]),
        new("dibao_recipient_rate",
            "a household qualifies when its income with pensions is below the standard, which follows local consumption",
            [Pension, new("mean_income_per_capita_yuan", "income", 1, "yuan"), new("dibao_standard_monthly_yuan", "the dibao standard", 1, "yuan")]),
    ];

    /// <summary>
    /// The sentence naming a reform's channels for an outcome in a year, or null when the outcome is
    /// not traced or did not move clearly (its interval includes zero).
    /// </summary>
    public static string? Trace(ComparisonData data, string scenario, string metric, string scope, int year)
    {
        var outcome = Outcomes.FirstOrDefault(o => o.Metric == metric);
        var row = data.Difference(scenario, metric, scope, year);
        if (outcome is null || row is null || !Clear(row)) return null;
        var moved = new List<string>();
        var still = new List<string>();
        foreach (var c in outcome.Channels)
        {
            string? text = outcome.Stock ? History(data, scenario, c, scope, year) : InYear(data, scenario, c, scope, year);
            if (text is not null) moved.Add(text);
            else still.Add(c.Name);
        }
        string channels = moved.Count == 0
            ? "none of its channels moved clearly, so the change comes from the rule's other terms or from the reform's own rules"
            : "what moved with it: " + string.Join("; ", moved);
        string unmoved = still.Count == 0 ? "" : $" ({string.Join(", ", still)}: no clear difference)";
        return $"Why, in {scenario}: {outcome.Rule}; {channels}{unmoved}.";
    }

    /// <summary>The channel's paired difference in the year, if clear.</summary>
    private static string? InYear(ComparisonData data, string scenario, Channel c, string scope, int year)
    {
        var d = data.Difference(scenario, c.Metric, scope, year);
        return d is null || !double.IsFinite(d.Difference.Mean) || !Clear(d)
            ? null
            : $"{c.Name} {Signed(d.Difference.Mean * c.Scale, c.Unit)} [{Number(d.Difference.CiLow * c.Scale)}, {Number(d.Difference.CiHigh * c.Scale)}]";
    }

    /// <summary>The channel's mean paired difference over the years up to the year, if clear in any of them.</summary>
    private static string? History(ComparisonData data, string scenario, Channel c, string scope, int year)
    {
        var rows = data.Years.Where(y => y <= year).Select(y => data.Difference(scenario, c.Metric, scope, y))
            .OfType<ComparisonRow>().Where(r => double.IsFinite(r.Difference.Mean)).ToArray();
        int clear = rows.Count(Clear);
        if (clear == 0) return null;
        double mean = rows.Average(r => r.Difference.Mean);
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.Name} {Signed(mean * c.Scale, c.Unit)} a year on average over {data.Years[0]}-{year} (clear in {clear} of {rows.Length} years)");
    }

    private static bool Clear(ComparisonRow row) => row.Difference.CiLow > 0 || row.Difference.CiHigh < 0;

    private static string Signed(double value, string unit) =>
        (value >= 0 ? "+" : "−") + Number(Math.Abs(value)) + unit switch { "%" => " points", "yuan" => " yuan", _ => "" };

    private static string Number(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
