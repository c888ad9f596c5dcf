using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// Every numeric parameter has a finite range, the loader enforces it (in files and on scenarios
/// built in code), and a run at the edge of those ranges writes no Infinity into metrics.csv (and
/// NaN only for the rates and ratios docs/metrics.md documents as NaN when their denominator is empty).
/// </summary>
public class ParameterRangeTests
{
    /// <summary>Households and years of each extreme run: small enough that the sample stays within a few seconds.</summary>
    private const int Households = 300;
    /// <summary>Years per run in CI; ECOSIM_EXTREME_YEARS runs longer (growth compounds over a full run).</summary>
    private static readonly int Years = int.TryParse(Environment.GetEnvironmentVariable("ECOSIM_EXTREME_YEARS"), out int years) ? years : 3;

    /// <summary>Extreme cases run in CI, drawn evenly from all of them (ECOSIM_EXTREME_ALL=1 runs every case).</summary>
    private const int Sample = 60;

    [Fact]
    public void Every_numeric_parameter_has_a_finite_range()
    {
        var unbounded = NumericFields(typeof(Scenario), "")
            .Where(f => f.Field.Type != typeof(ulong)) // the seed: any 64-bit seed is valid, and its type bounds it
            .Where(f => !double.IsFinite(f.Field.Param!.Min) || !double.IsFinite(f.Field.Param!.Max) || f.Field.Param!.Min > f.Field.Param!.Max)
            .Select(f => f.Path)
            .ToList();
        Assert.True(unbounded.Count == 0, "without a finite [Min, Max]: " + string.Join(", ", unbounded));
    }

    [Theory]
    [InlineData("population:\n  rural_population: 1e308", "population.rural_population")]
    [InlineData("population:\n  rural_population: 1e10", "population.rural_population")]
    [InlineData("population:\n  rural_population: 10", "population.rural_population")]
    [InlineData("income:\n  mean_market_per_capita_yuan: {west: 1e300}", "income.mean_market_per_capita_yuan.west")]
    [InlineData("pension:\n  minimum_monthly_yuan: {2020: 1e300}", "pension.minimum_monthly_yuan.2020")]
    [InlineData("pension:\n  tiers_yuan: [100, 2000000000]", "pension.tiers_yuan[1]")]
    [InlineData("medical:\n  premium_yuan: {2021: 1e200}", "medical.premium_yuan.2021")]
    [InlineData("health:\n  cost_per_admission_yuan: 1e300", "health.cost_per_admission_yuan")]
    [InlineData("market:\n  insurers: [{id: big, capital_per_resident_yuan: 1e300}]\n  products: []", "market.insurers[0].capital_per_resident_yuan")]
    public void Absurd_values_in_a_file_are_refused_naming_the_field(string yaml, string field)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml + "\n"), "extreme.yaml"));
        Assert.Contains(e.Problems, p => p.Field == field && p.Message.Contains("out of range", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> AbsurdInCode() => new()
    {
        { "rural_population 1e308", "population.rural_population" },
        { "rural_population NaN", "population.rural_population" },
        { "rural_population +inf", "population.rural_population" },
        { "growth_rate.east NaN", "income.growth_rate.east" },
        { "minimum_monthly_yuan -inf", "pension.minimum_monthly_yuan.2020" },
        { "earning_weights NaN", "income.earning_weights[1]" },
        { "insurer capital 1e300", "market.insurers[0].capital_per_resident_yuan" },
    };

    [Theory]
    [MemberData(nameof(AbsurdInCode))]
    public void Absurd_values_set_in_code_are_refused_by_check_naming_the_field(string change, string field)
    {
        var m = new ModelParameters();
        m = change switch
        {
            "rural_population 1e308" => m with { Population = m.Population with { RuralPopulation = 1e308 } },
            "rural_population NaN" => m with { Population = m.Population with { RuralPopulation = double.NaN } },
            "rural_population +inf" => m with { Population = m.Population with { RuralPopulation = double.PositiveInfinity } },
            "growth_rate.east NaN" => m with { Income = m.Income with { GrowthRate = m.Income.GrowthRate with { East = double.NaN } } },
            "minimum_monthly_yuan -inf" => m with { Pension = m.Pension with { MinimumMonthlyYuan = YearSchedule.Of((2020, double.NegativeInfinity)) } },
            "earning_weights NaN" => m with { Income = m.Income with { EarningWeights = [0, double.NaN, 0.3, 0.1] } },
            "insurer capital 1e300" => m with { Market = m.Market with { Insurers = [m.Market.Insurers[0] with { CapitalPerResidentYuan = 1e300 }, .. m.Market.Insurers[1..]] } },
            _ => throw new ArgumentException(change),
        };
        var problems = ScenarioLoader.Check(new Scenario { Model = m }, "code");
        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void Every_built_in_scenario_is_within_the_ranges()
    {
        foreach (string name in ScenarioCatalogue.Names)
        {
            var scenario = ScenarioLoader.Load(name).Scenario;
            Assert.Empty(ScenarioLoader.Check(scenario, name));
        }
    }

    /// <summary>
    /// Whether a metric may be NaN: docs/metrics.md documents NaN for a rate or ratio whose denominator
    /// is empty ("A rate whose denominator is empty is NaN"; insurer_solvency_ratio "NaN when nothing is
    /// required"), and an extreme parameter can empty any group (recipients, contributors, eligible
    /// households, holders of a product). Totals (weighted sums, counts) and values in force never are.
    /// </summary>
    private static bool MayBeNaN(MetricDefinition metric) =>
        !metric.Description.Contains("(weighted", StringComparison.Ordinal)
        && metric.Unit is not ("persons" or "counties" or "insurers" or "claims")
        && metric.Name is not ("min_basic_pension_yuan" or "poverty_line_yuan" or "insurer_solvent");

    [Fact]
    public async Task Runs_at_the_edges_of_the_ranges_write_no_infinity_and_nan_only_where_documented()
    {
        // Which cases to run is chosen before any is built: building one parses a scenario.
        var candidates = EdgeFields().SelectMany(f => new[] { (f.Path, f.Field, Max: false), (f.Path, f.Field, Max: true) }).ToList();
        Assert.True(candidates.Count > 300, $"only {candidates.Count} extreme cases");
        bool all = Environment.GetEnvironmentVariable("ECOSIM_EXTREME_ALL") == "1";
        // An even spread over the fields, shifted by the day so that CI covers every case over time
        // without a run taking long; the failure message names the case, which reproduces it.
        int stride = all ? 1 : Math.Max(1, candidates.Count / Sample);
        int offset = DateTime.UtcNow.DayOfYear % stride;
        var chosen = candidates.Where((_, i) => i % stride == offset).Take(all ? int.MaxValue : Sample)
            .Select(c => EdgeCase(c.Path, c.Field, c.Max)).OfType<ExtremeCase>()
            .Concat(Enumerable.Range(1, all ? 40 : Combined).Select(CombinedCase)).ToList();

        var definitions = MetricRegistry.All.ToDictionary(d => d.Name);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (c, _) =>
        {
            MetricsTable table;
            // At least one household per county (more counties than households is a run setting the engine refuses).
            int households = Math.Max(Households, c.Scenario.Model.Population.Counties.Values.Sum());
            try
            {
                var result = await Runs.Run(EngineHost.InProcess, c.Scenario with { Households = households, Years = Years, Replications = 1 });
                table = result.Replications[0].Metrics;
            }
            catch (ModelRangeException e) when (c.Combined && e.Message.StartsWith("year ", StringComparison.Ordinal))
            {
                // Scores of growth rates at their maximum at once may compound past what 64-bit fen hold over a long run:
                // the run stops naming the year, never writing a wrapped-around or infinite number.
                return;
            }
            catch (Exception e)
            {
                failures.Add($"{c.Name}: the run failed: {e.GetType().Name}: {e.Message} {(Environment.GetEnvironmentVariable("ECOSIM_EXTREME_TRACE") == "1" ? e.StackTrace : "")}");
                return;
            }
            var bad = table.Rows
                .Where(r => double.IsInfinity(r.Value) || (double.IsNaN(r.Value) && !(definitions.TryGetValue(r.Metric, out var d) && MayBeNaN(d))))
                .GroupBy(r => r.Metric)
                .Select(g => $"{g.Key} ({MetricsTable.FormatValue(g.First().Value)} in {g.First().Region} {g.First().Year})")
                .ToList();
            if (bad.Count > 0) failures.Add($"{c.Name}: {bad.Count} metrics: {string.Join(", ", bad.Take(8))}");
            string csv = table.ToCsv();
            if (csv.Contains("Infinity", StringComparison.Ordinal) || csv.Contains('∞')) failures.Add($"{c.Name}: metrics.csv holds Infinity");
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {chosen.Count} extreme runs:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task A_run_whose_money_passes_64_bit_fen_stops_naming_the_year()
    {
        // Combined case 11 has growth rates at their maxima with many amounts at theirs; within 30 years
        // a national sum passes long.MaxValue fen (found by running the combined cases 1-60 for 30 years;
        // 13, 21, 34, 40, 41, 46 and 56 did too). Each field's draw depends on its name only, so a new
        // parameter can change a case only by joining it; if this one stops overflowing, scan again.
        var scenario = CombinedCase(11).Scenario;
        int households = Math.Max(Households, scenario.Model.Population.Counties.Values.Sum());
        var e = await Assert.ThrowsAsync<ModelRangeException>(() =>
            Runs.Run(EngineHost.InProcess, scenario with { Households = households, Years = 30, Replications = 1 }));
        Assert.Matches(@"^year \d{4}: an amount of money passed the most the model holds", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>Scenarios with many fields at their edges at once, run in CI (ECOSIM_EXTREME_ALL=1 runs 40).</summary>
    private const int Combined = 3;

    private static readonly Lazy<List<(string Path, ParameterField Field, JsonNode Min, JsonNode Max)>> Edges = new(() =>
        [.. EdgeFields().Select(f => (f.Path, f.Field, Bound(f.Field, f.Field.Param!.Min), Bound(f.Field, f.Field.Param!.Max)))]);

    /// <summary>
    /// A scenario with about a third of the numeric fields at an edge (each at its minimum or its
    /// maximum, drawn from the seed), the rest at their defaults; a field whose edge the loader refuses
    /// together with those already set (a rule between fields) keeps its default.
    /// </summary>
    public static ExtremeCase CombinedCase(int seed)
    {
        // Each field's draw depends on the seed and the field's own name only, so adding a parameter adds
        // at most that parameter to a case and leaves the rest of every case as it was.
        var edges = Edges.Value.Select(e => (e, U: StableUniform(seed, e.Path + "/" + e.Field.Name))).Where(x => x.U <= 1.0 / 3)
            .Select(x => (x.e.Path, x.e.Field, Value: x.U < 1.0 / 6 ? x.e.Min : x.e.Max)).ToList();
        var document = ScenarioWriter.ToJson(new Scenario());
        // Halves of the chosen edges at a time, so that a rule between fields costs a few parses, not one per field.
        Scenario scenario = new();
        int set = 0;
        var pending = new Queue<List<(string Path, ParameterField Field, JsonNode Value)>>([edges]);
        while (pending.TryDequeue(out var group))
        {
            if (group.Count == 0) continue;
            var attempt = (JsonObject)document.DeepClone();
            foreach (var (path, field, value) in group) Apply(attempt, path, field, value, null);
            if (TryParse(attempt, out var accepted))
            {
                document = attempt;
                scenario = accepted!;
                set += group.Count;
            }
            else if (group.Count > 1)
            {
                pending.Enqueue(group[..(group.Count / 2)]);
                pending.Enqueue(group[(group.Count / 2)..]);
            }
        }
        return new ExtremeCase($"combined case {seed} ({set} fields at an edge)", scenario);
    }

    /// <summary>A uniform draw in [0, 1) from the seed and a name (FNV-1a 64, then the top 53 bits): stable across runs and .NET versions.</summary>
    private static double StableUniform(int seed, string name)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in $"{seed}:{name}")
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        hash ^= hash >> 29; // FNV's low bits mix poorly; fold the high ones in before taking the top bits
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    private static JsonNode Bound(ParameterField field, double bound) =>
        field.Kind == FieldKind.Integer || ElementType(field.Type) is { } t && t != typeof(double)
            ? JsonValue.Create((long)bound)
            : JsonValue.Create(bound);

    /// <summary>One extreme scenario: every value of one field at its minimum or its maximum.</summary>
    public sealed record ExtremeCase(string Name, Scenario Scenario)
    {
        /// <summary>Many fields at an edge at once (<see cref="CombinedCase"/>).</summary>
        public bool Combined => Name.StartsWith("combined", StringComparison.Ordinal);
    }

    /// <summary>
    /// One numeric field at its minimum or its maximum (all elements of a list, all regions, all
    /// years of a schedule), on the default scenario. A case the loader refuses because
    /// of a rule between fields (tiers must increase, fertile ages in order) is tried with the first
    /// element only (at the minimum) or the last only (at the maximum), and otherwise left out.
    /// </summary>
    public static ExtremeCase? EdgeCase(string path, ParameterField field, bool max)
    {
        var original = ScenarioWriter.ToJson(new Scenario());
        double bound = max ? field.Param!.Max : field.Param!.Min;
        var value = Bound(field, bound);
        string name = $"{path} at its {(max ? "maximum" : "minimum")} {bound.ToString(CultureInfo.InvariantCulture)}";
        if (TryScenario(original, path, field, value, null, out var scenario)) return new ExtremeCase(name, scenario!);
        if (field.Kind == FieldKind.List && TryScenario(original, path, field, value, max ? ^1 : 0, out scenario))
            return new ExtremeCase(name + (max ? " (last element)" : " (first element)"), scenario!);
        return null;
    }

    /// <summary>The numeric fields the extreme runs vary: the model's, and the start year (the test sets the other run settings).</summary>
    private static IEnumerable<(string Path, ParameterField Field)> EdgeFields() =>
        NumericFields(typeof(Scenario), "")
            .Where(f => f.Field.Owner is not null || f.Field.Property.DeclaringType != typeof(Scenario) || f.Field.Name == "start_year")
            .Where(f => !f.Path.StartsWith("interventions", StringComparison.Ordinal)) // the default scenario has none
            .Where(f => double.IsFinite(f.Field.Param!.Min) && double.IsFinite(f.Field.Param!.Max)); // the others fail Every_numeric_parameter_has_a_finite_range

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[0] : null;

    private static bool TryScenario(JsonObject original, string path, ParameterField field, JsonNode value, Index? only, out Scenario? scenario)
    {
        var document = (JsonObject)original.DeepClone();
        Apply(document, path, field, value, only);
        return TryParse(document, out scenario);
    }

    private static void Apply(JsonObject document, string path, ParameterField field, JsonNode value, Index? only)
    {
        var node = Locate(document, path, out string last);
        var current = node[last];
        switch (field.Kind)
        {
            case FieldKind.Integer:
            case FieldKind.Number:
                node[last] = value.DeepClone();
                break;
            case FieldKind.List:
                var list = (JsonArray)current!;
                if (only is { } i) list[i.GetOffset(list.Count)] = value.DeepClone();
                else for (int k = 0; k < list.Count; k++) list[k] = value.DeepClone();
                break;
            case FieldKind.ByRegion:
            case FieldKind.Schedule:
                var map = (JsonObject)current!;
                foreach (string key in map.Select(kv => kv.Key).ToList()) map[key] = value.DeepClone();
                break;
        }
    }

    private static bool TryParse(JsonObject document, out Scenario? scenario)
    {
        try
        {
            scenario = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(document.ToJsonString()), "extreme.json").Scenario;
            return true;
        }
        catch (ScenarioException)
        {
            scenario = null;
            return false;
        }
    }

    /// <summary>The JSON object holding the last step of a path like market.insurers[0].solvency_margin.</summary>
    private static JsonObject Locate(JsonObject document, string path, out string last)
    {
        string[] steps = path.Split('.');
        JsonNode node = document;
        foreach (string step in steps[..^1])
        {
            int bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node[step]! : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture)]!;
        }
        last = steps[^1];
        return (JsonObject)node;
    }

    /// <summary>Every numeric field (numbers, whole numbers, and lists, region values and schedules of them), with its path; every entry of a record list.</summary>
    private static IEnumerable<(string Path, ParameterField Field)> NumericFields(Type type, string at)
    {
        object defaults = Activator.CreateInstance(type)!;
        foreach (var field in ParameterTree.Fields(type))
        {
            string path = at.Length == 0 ? field.Name : $"{at}.{field.Name}";
            switch (field.Kind)
            {
                case FieldKind.Section:
                    foreach (var f in NumericFields(field.Type, path)) yield return f;
                    break;
                case FieldKind.RecordList:
                    int count = Math.Max(1, ((Array)field.Property.GetValue(field.Holder(defaults))!).Length);
                    for (int i = 0; i < count; i++)
                        foreach (var f in NumericFields(field.Type.GetElementType()!, $"{path}[{i}]")) yield return f;
                    break;
                case FieldKind.Integer or FieldKind.Number or FieldKind.Schedule:
                    yield return (path, field);
                    break;
                case FieldKind.List or FieldKind.ByRegion when ParameterTree.KindOf(ElementType(field.Type)!) is FieldKind.Integer or FieldKind.Number:
                    yield return (path, field);
                    break;
            }
        }
    }
}
