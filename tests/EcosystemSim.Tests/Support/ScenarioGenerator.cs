using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// Random valid scenarios for property tests (every engine must give the same bytes for each): small
/// runs (150-600 households, 2-5 years), on the default parameters or on a built-in scenario, with up
/// to four random interventions of every kind the scenario language has (sets of single values, of
/// one region's value, of an insurer's or product's field by id, of schedules and choices; launches;
/// withdrawals; campaigns; insurers' market entry).
/// </summary>
/// <remarks>
/// A scenario is a pure function of the seed: draws come from SplitMix64 (not <see cref="Random"/>, whose
/// sequence .NET does not promise to keep across versions), and values are made with +, -, *, / and
/// rounding only, which IEEE 754 fixes on every machine. Each draft
/// is checked (<see cref="ScenarioLoader.Check"/>), written with <see cref="ToYaml"/> and loaded back;
/// the loaded scenario is returned, so what a test runs is exactly what its YAML reproduces. A draft
/// that fails is replaced by the next draft from the same stream of draws.
/// </remarks>
internal static partial class ScenarioGenerator
{
    /// <summary>The source name generated scenarios are checked and parsed under.</summary>
    public const string SourceName = "generated.yaml";

    /// <summary>The launch year of a product defined but not on sale until an intervention launches it.</summary>
    public const int LatentLaunchYear = 2200;

    private const int MaxAttempts = 64;
    private const int MaxInterventions = 4;

    private static readonly string[] RegionNames = ["east", "central", "west", "northeast"];

    /// <summary>Start years other than the calibration year 2021, drawn now and then.</summary>
    private static readonly int[] StartYears = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

    /// <summary>Product fields an intervention never sets: ids (refused by the loader), the kind, and launch and withdrawal (interventions launch and withdraw).</summary>
    private static readonly HashSet<string> FixedProductFields = ["id", "insurer", "kind", "launch_year", "withdraw_year"];

    private static readonly ConcurrentDictionary<string, Scenario> Bases = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Default) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A random valid scenario, a pure function of <paramref name="seed"/>.</summary>
    public static Scenario Generate(int seed)
    {
        var random = new Draws(seed);
        var rejected = new List<string>();
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var draft = Draft(random, seed);
            if (TryAccept(draft, out var scenario, out string? why)) return scenario;
            rejected.Add(why);
        }
        throw new InvalidOperationException(
            $"no valid scenario for seed {seed} in {MaxAttempts} draws; the first rejections:\n" + string.Join("\n", rejected.Take(5)));
    }

    /// <summary>
    /// The scenario as YAML that <see cref="ScenarioLoader.Parse(byte[], string)"/> loads back to the same
    /// scenario: its run settings, every parameter that differs from its base (or from the defaults),
    /// and the interventions after its base's. A scenario with a <see cref="Scenario.Base"/> must hold its
    /// base's interventions first, unchanged (as a loaded scenario does).
    /// </summary>
    public static string ToYaml(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var baseScenario = scenario.Base.Length > 0 ? BaseScenario(scenario.Base) : null;
        var inherited = baseScenario?.Interventions ?? [];
        if (scenario.Interventions.Length < inherited.Length ||
            inherited.Where((iv, i) => Json(iv) != Json(scenario.Interventions[i])).Any())
        {
            throw new ArgumentException(
                $"the scenario's interventions do not begin with those of its base '{scenario.Base}', so no file with that base gives them", nameof(scenario));
        }

        var json = ScenarioWriter.ToJson(scenario);
        var reference = ScenarioWriter.ToJson(baseScenario ?? new Scenario());
        var yaml = new StringBuilder();
        yaml.Append("# A generated scenario (tests/EcosystemSim.Tests/Support/ScenarioGenerator.cs).\n");
        string[] settings = ["name", "description", "question", "base", "seed", "start_year", "years", "households", "replications"];
        foreach (string key in settings)
        {
            if (key is "question" or "base" && json[key]!.GetValue<string>().Length == 0) continue;
            yaml.Append(key).Append(": ").Append(Flow(json[key])).Append('\n');
        }
        foreach (var field in ParameterTree.Fields(typeof(Scenario)))
        {
            if (settings.Contains(field.Name) || field.Name == "interventions") continue;
            WriteDifference(yaml, 0, field, json[field.Name], reference[field.Name]);
        }

        var own = scenario.Interventions[inherited.Length..];
        if (own.Length > 0)
        {
            yaml.Append("interventions:\n");
            foreach (var intervention in own) WriteIntervention(yaml, intervention);
        }
        return yaml.ToString();
    }

    /// <summary>The JSON of a scenario or intervention as one string, to compare two of them.</summary>
    public static string Json(object record) => ScenarioWriter.ToJson(record).ToJsonString(JsonOptions);

    // ---------------------------------------------------------------- acceptance

    private static bool TryAccept(Scenario draft, out Scenario scenario, out string why)
    {
        scenario = draft;
        var problems = ScenarioLoader.Check(draft, SourceName);
        if (problems.Count > 0)
        {
            why = "check: " + string.Join("; ", problems);
            return false;
        }
        string yaml;
        try
        {
            yaml = ToYaml(draft);
        }
        catch (ArgumentException e)
        {
            why = "yaml: " + e.Message;
            return false;
        }
        LoadedScenario loaded;
        try
        {
            loaded = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), SourceName);
        }
        catch (ScenarioException e)
        {
            why = "parse: " + string.Join("; ", e.Problems);
            return false;
        }
        if (Json(loaded.Scenario) != Json(draft))
        {
            why = "the YAML loads back to a different scenario";
            return false;
        }
        if (ScenarioLoader.Check(loaded.Scenario, SourceName).Count > 0)
        {
            why = "the loaded scenario does not check";
            return false;
        }
        scenario = loaded.Scenario;
        why = "";
        return true;
    }

    private static Scenario BaseScenario(string name) => Bases.GetOrAdd(name, n => ScenarioLoader.Load(n).Scenario);

    // ---------------------------------------------------------------- drafting

    private enum BaseMode
    {
        /// <summary>The default parameters (the baseline).</summary>
        Defaults,

        /// <summary>`base: NAME`: the built-in scenario's parameters and interventions, unchanged.</summary>
        Reference,

        /// <summary>The built-in scenario's parameters written out, its interventions shifted into the run or dropped.</summary>
        Derived,
    }

    private static Scenario Draft(Draws random, int seed)
    {
        double u = random.NextDouble();
        var mode = u < 0.35 ? BaseMode.Defaults : u < 0.75 ? BaseMode.Reference : BaseMode.Derived;
        string baseName = mode == BaseMode.Defaults ? "" : ScenarioCatalogue.Names[random.Next(ScenarioCatalogue.Names.Count)];
        var start = mode == BaseMode.Defaults ? new Scenario() : BaseScenario(baseName);

        // The run: its base's interventions must fit when they are inherited unchanged.
        int? first = null, last = null;
        if (mode == BaseMode.Reference && start.Interventions.Length > 0)
        {
            first = start.Interventions.Min(i => i.Year);
            last = start.Interventions.Max(i => i.Year);
        }
        var (startYear, years) = Window(random, first, last);
        int endYear = startYear + years - 1;
        int households = random.Next(150, 601);
        ulong runSeed = (ulong)random.NextInt64(0, 10_000_000_000);

        var model = start.Model;
        List<Intervention> inherited = mode switch
        {
            BaseMode.Reference => [.. start.Interventions],
            BaseMode.Derived => Shift(random, start, startYear, endYear),
            _ => new List<Intervention>(),
        };

        // Parameters of the scenario itself: fewer counties now and then, new products waiting for a
        // launch, and a few values changed from the start.
        if (random.NextDouble() < 0.3)
        {
            model = model with
            {
                Population = model.Population with
                {
                    Counties = new(random.Next(1, 13), random.Next(1, 13), random.Next(1, 13), random.Next(1, 5)),
                },
            };
        }
        bool hasLatent = model.Market.Products.Any(p => p.LaunchYear > endYear);
        if (model.Market.Insurers.Length > 0 && random.NextDouble() < (hasLatent ? 0.3 : 0.5))
        {
            int count = random.Next(1, 3);
            var added = Enumerable.Range(1, count)
                .Select(k => NewProduct(random, k, model.Market.Insurers[random.Next(model.Market.Insurers.Length)].Id))
                .ToArray();
            model = model with { Market = model.Market with { Products = [.. model.Market.Products, .. added] } };
        }
        int tweaks = random.NextDouble() < 0.3 ? random.Next(1, 3) : 0;
        for (int t = 0; t < tweaks; t++)
        {
            var candidate = PickCandidate(random, Candidates(model));
            if (Draw(random, candidate.Target, candidate.Target.Get(model)) is { } value)
            {
                model = (ModelParameters)candidate.Target.Set(model, value);
            }
        }

        var own = new List<Intervention>();
        var touched = new HashSet<string>(inherited.SelectMany(i => i.Launch.Concat(i.Withdraw)), StringComparer.Ordinal);
        int interventions = random.Next(0, MaxInterventions + 1);
        for (int n = 0; n < interventions; n++)
        {
            int year = random.Next(startYear, endYear + 1);
            own.Add(NewIntervention(random, model, year, endYear, touched));
        }

        string from = mode switch
        {
            BaseMode.Reference => $"on {baseName}",
            BaseMode.Derived => $"derived from {baseName} (its interventions shifted into the run or dropped)",
            _ => "on the default parameters",
        };
        return new Scenario
        {
            Name = $"generated-{seed.ToString(CultureInfo.InvariantCulture)}",
            Description = $"Random scenario of seed {seed.ToString(CultureInfo.InvariantCulture)}, {from}, with {own.Count.ToString(CultureInfo.InvariantCulture)} random interventions.",
            Question = "Do all engines give the same results for this scenario?",
            Base = mode == BaseMode.Reference ? baseName : "",
            Seed = runSeed,
            StartYear = startYear,
            Years = years,
            Households = households,
            Replications = 1,
            Model = model,
            Interventions = [.. inherited, .. own],
        };
    }

    /// <summary>Start year and length: 2021 mostly; when inherited interventions lie in first..last, a window holding them.</summary>
    private static (int StartYear, int Years) Window(Draws random, int? first, int? last)
    {
        var feasible = new List<(int Start, int Years)>();
        foreach (int start in StartYears)
        {
            for (int years = 2; years <= 5; years++)
            {
                if (first is { } f && start > f) continue;
                if (last is { } l && start + years - 1 < l) continue;
                feasible.Add((start, years));
            }
        }
        var in2021 = feasible.Where(w => w.Start == 2021).ToList();
        if (in2021.Count > 0 && random.NextDouble() < 0.75) return in2021[random.Next(in2021.Count)];
        var starts = feasible.Select(w => w.Start).Distinct().ToList();
        int chosen = starts[random.Next(starts.Count)];
        var lengths = feasible.Where(w => w.Start == chosen).ToList();
        return lengths[random.Next(lengths.Count)];
    }

    /// <summary>A built-in scenario's interventions moved by the difference of start years, those beyond the run dropped or moved to its last year, and a quarter dropped at random.</summary>
    private static List<Intervention> Shift(Draws random, Scenario source, int startYear, int endYear)
    {
        var shifted = new List<Intervention>();
        foreach (var intervention in source.Interventions)
        {
            if (random.NextDouble() < 0.25) continue;
            int year = Math.Max(startYear, intervention.Year - source.StartYear + startYear);
            if (year > endYear)
            {
                if (random.NextDouble() < 0.5) continue;
                year = endYear;
            }
            shifted.Add(intervention with { Year = year });
        }
        return shifted;
    }

    /// <summary>A product defined but not on sale until an intervention launches it.</summary>
    private static ProductParameters NewProduct(Draws random, int k, string insurer)
    {
        bool pension = random.Next(4) == 0;
        var product = new ProductParameters
        {
            Id = pension ? $"gen_pension_{k}" : $"gen_cover_{k}",
            Insurer = insurer,
            LaunchYear = LatentLaunchYear,
            Endorsed = random.Next(2) == 0,
            TaxExempt = random.Next(2) == 0,
        };
        return pension
            ? product with
            {
                Kind = ProductKind.SupplementaryPension,
                ContributionYuan = Round(1000 * Factor(random)),
                GuaranteedRate = Round(0.025 * Factor(random)),
            }
            : product with
            {
                Pricing = random.Next(3) == 0 ? PricingKind.AgeBanded : PricingKind.Flat,
                PremiumYuan = Round(77 * Factor(random)),
                PriorClaimsYuan = Round(30 * Factor(random)),
                DeductibleYuan = Round(20000 * Factor(random)),
                ReimbursementShare = Math.Min(0.95, Round(0.8 * Factor(random))),
                PreexistingShare = random.Next(0, 11) / 10.0,
            };
    }

    private static Intervention NewIntervention(Draws random, ModelParameters model, int year, int endYear, HashSet<string> touched)
    {
        // Products not on sale in the run and not yet launched or withdrawn by another intervention.
        var latent = model.Market.Products.Where(p => p.LaunchYear > endYear && !touched.Contains(p.Id)).Select(p => p.Id).ToList();
        // Products on sale before this year that no intervention launches (a withdrawal must follow the launch).
        var onSale = model.Market.Products.Where(p => p.LaunchYear < year && p.WithdrawYear == 0 && !touched.Contains(p.Id)).Select(p => p.Id).ToList();

        int campaign = random.NextDouble() < 0.25 ? random.Next(1, 4) : 0;
        double u = random.NextDouble();
        if (u < 0.2 && latent.Count > 0)
        {
            var ids = Pick(random, latent, random.Next(1, Math.Min(2, latent.Count) + 1));
            touched.UnionWith(ids);
            return new Intervention { Year = year, Years = campaign, Note = Note("launch " + string.Join(", ", ids), campaign), Launch = [.. ids] };
        }
        if (u < 0.35 && onSale.Count > 0)
        {
            var ids = Pick(random, onSale, 1);
            touched.UnionWith(ids);
            return new Intervention { Year = year, Years = campaign, Note = Note("withdraw " + string.Join(", ", ids), campaign), Withdraw = [.. ids] };
        }
        if (u < 0.45 && model.Market.Insurers.Length > 0)
        {
            return new Intervention { Year = year, Years = campaign, Note = Note("insurers enter more counties", campaign), Set = [.. MarketEntry(random, model)] };
        }
        var candidates = Candidates(model);
        var changes = new List<ParameterChange>();
        int wanted = random.Next(1, 4);
        for (int tries = 0; changes.Count < wanted && tries < 20; tries++)
        {
            var candidate = PickCandidate(random, candidates);
            if (changes.Any(c => c.Path == candidate.Path)) continue;
            if (Draw(random, candidate.Target, candidate.Target.Get(model)) is { } value) changes.Add(new ParameterChange(candidate.Path, value));
        }
        return new Intervention
        {
            Year = year,
            Years = campaign,
            Note = Note($"set {string.Join(", ", changes.Select(c => c.Path))}", campaign),
            Set = [.. changes],
        };
    }

    private static string Note(string what, int campaign) =>
        campaign switch
        {
            0 => what,
            1 => $"{what}, for a year",
            _ => $"{what}, for {campaign.ToString(CultureInfo.InvariantCulture)} years",
        };

    /// <summary>Insurers enter counties faster (or slower): max_entries_per_year and, now and then, entry_loss_ratio.</summary>
    private static IEnumerable<ParameterChange> MarketEntry(Draws random, ModelParameters model)
    {
        var insurers = model.Market.Insurers;
        foreach (var insurer in Pick(random, insurers.Select(i => i.Id).ToList(), random.Next(1, insurers.Length + 1)).Select(id => insurers.First(i => i.Id == id)))
        {
            int entries = insurer.MaxEntriesPerYear == 0
                ? random.Next(1, 7)
                : Math.Max(1, (int)Math.Round(insurer.MaxEntriesPerYear * (1 + random.Next(0, 21) / 10.0)));
            yield return new ParameterChange($"market.insurers[{insurer.Id}].max_entries_per_year", Math.Min(entries, 1000));
            if (random.Next(2) == 0)
            {
                yield return new ParameterChange($"market.insurers[{insurer.Id}].entry_loss_ratio", Math.Min(5, Round(insurer.EntryLossRatio * Factor(random))));
            }
        }
    }

    private static List<string> Pick(Draws random, IReadOnlyList<string> items, int count)
    {
        var left = items.ToList();
        var picked = new List<string>();
        while (picked.Count < count && left.Count > 0)
        {
            int i = random.Next(left.Count);
            picked.Add(left[i]);
            left.RemoveAt(i);
        }
        return picked;
    }

    // ---------------------------------------------------------------- parameter paths and values

    /// <summary>A path an intervention may set, by family: scalar, flag, region, schedule, product, insurer.</summary>
    private sealed record Candidate(string Path, ParameterPath Target, string Family);

    private static readonly (string Family, int Weight)[] Families =
        [("scalar", 3), ("region", 3), ("product", 2), ("insurer", 2), ("flag", 1), ("schedule", 1)];

    /// <summary>Every single value of the parameters an intervention may set, the population excepted (it only shapes the start).</summary>
    private static List<Candidate> Candidates(ModelParameters model)
    {
        var paths = new List<string>();
        Walk(typeof(ModelParameters), model, "", paths);
        var candidates = new List<Candidate>();
        foreach (string path in paths)
        {
            var target = ParameterPath.Parse(path, typeof(ModelParameters), out string? error)
                ?? throw new InvalidOperationException($"the generator made a bad path {path}: {error}");
            string family = path.StartsWith("market.products[", StringComparison.Ordinal) ? "product"
                : path.StartsWith("market.insurers[", StringComparison.Ordinal) ? "insurer"
                : RegionNames.Any(r => path.EndsWith("." + r, StringComparison.Ordinal)) ? "region"
                : target.Kind == FieldKind.Schedule ? "schedule"
                : target.Kind is FieldKind.Boolean or FieldKind.Choice ? "flag"
                : "scalar";
            candidates.Add(new Candidate(path, target, family));
        }
        return candidates;
    }

    private static void Walk(Type type, object record, string prefix, List<string> paths)
    {
        foreach (var field in ParameterTree.Fields(type))
        {
            if (prefix.Length == 0 && field.Name == "population") continue;
            if (prefix.StartsWith("market.products[", StringComparison.Ordinal) && FixedProductFields.Contains(field.Name)) continue;
            if (field.Name == "id") continue;
            string path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            object? value = field.Property.GetValue(field.Holder(record));
            switch (field.Kind)
            {
                case FieldKind.Section when value is not null:
                    Walk(field.Type, value, path, paths);
                    break;
                case FieldKind.RecordList when value is Array items:
                    foreach (object item in items)
                    {
                        string id = (string)item.GetType().GetProperty("Id")!.GetValue(item)!;
                        Walk(item.GetType(), item, $"{path}[{id}]", paths);
                    }
                    break;
                case FieldKind.ByRegion:
                    paths.AddRange(RegionNames.Select(r => $"{path}.{r}"));
                    break;
                case FieldKind.Number or FieldKind.Integer or FieldKind.Boolean or FieldKind.Choice or FieldKind.Schedule:
                    paths.Add(path);
                    break;
                default:
                    // Text (ids), lists (tiers, age bands: rules tie their lengths and order) and changes are not drawn.
                    break;
            }
        }
    }

    private static Candidate PickCandidate(Draws random, List<Candidate> candidates)
    {
        var present = Families.Where(f => candidates.Any(c => c.Family == f.Family)).ToArray();
        int ticket = random.Next(present.Sum(f => f.Weight));
        string family = present[^1].Family;
        foreach (var (name, weight) in present)
        {
            if (ticket < weight)
            {
                family = name;
                break;
            }
            ticket -= weight;
        }
        var pool = candidates.Where(c => c.Family == family).ToList();
        return pool[random.Next(pool.Count)];
    }

    /// <summary>
    /// A new value near the current one, inside the field's range: numbers times a factor in [0.5, 1.5]
    /// (whole numbers in [0.75, 1.25]; years plus or minus 3; a zero share up to half its maximum),
    /// flags flipped, another choice, schedules scaled. Null when the type is not drawn.
    /// </summary>
    private static object? Draw(Draws random, ParameterPath target, object? current)
    {
        double min = target.Param?.Min ?? double.NegativeInfinity;
        double max = target.Param?.Max ?? double.PositiveInfinity;
        switch (current)
        {
            case bool flag:
                return !flag;
            case Enum choice:
                var others = Enum.GetValues(choice.GetType()).Cast<object>().Where(v => !v.Equals(choice)).ToList();
                return others.Count == 0 ? choice : others[random.Next(others.Count)];
            case double number:
                double x = number != 0 ? number * Factor(random)
                    : max <= 1 ? random.Next(0, 11) / 20.0 * max
                    : random.Next(0, 21) * 5.0;
                return Clamp(Round(x), min, max);
            case int whole:
                return (int)Whole(random, whole, target.Param, min, max);
            case long whole:
                return Whole(random, whole, target.Param, min, max);
            case YearSchedule schedule:
                double f = Factor(random);
                return new YearSchedule(schedule.Years, [.. schedule.Values.Select(v => Clamp(Round(v * f), min, max))]);
            default:
                return null;
        }
    }

    private static long Whole(Draws random, long current, ParamAttribute? param, double min, double max)
    {
        double x = param?.Unit == "year" ? current + random.Next(-3, 4)
            : current == 0 ? random.Next(0, 6)
            : Math.Round(current * (15 + random.Next(0, 11)) / 20.0);
        return (long)Math.Min(Math.Floor(max), Math.Max(Math.Ceiling(min), x));
    }

    /// <summary>0.5, 0.55, ... 1.5.</summary>
    private static double Factor(Draws random) => (10 + random.Next(0, 21)) / 20.0;

    private static double Round(double x) => Math.Abs(x) < 0.01 ? Math.Round(x, 8) : Math.Round(x, 4);

    private static double Clamp(double x, double min, double max) => Math.Min(max, Math.Max(min, x));

    // ---------------------------------------------------------------- YAML

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex PlainText();

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex PlainKey();

    /// <summary>A field whose value differs from the reference: a section field by field, anything else whole.</summary>
    private static void WriteDifference(StringBuilder yaml, int indent, ParameterField field, JsonNode? value, JsonNode? reference)
    {
        if (JsonNode.DeepEquals(value, reference)) return;
        string pad = new(' ', indent);
        if (field.Kind == FieldKind.Section && value is JsonObject section && reference is JsonObject referenceSection)
        {
            var inner = new StringBuilder();
            foreach (var child in ParameterTree.Fields(field.Type))
            {
                WriteDifference(inner, indent + 2, child, section[child.Name], referenceSection[child.Name]);
            }
            if (inner.Length > 0) yaml.Append(pad).Append(field.Name).Append(":\n").Append(inner);
            return;
        }
        if (field.Kind == FieldKind.RecordList && value is JsonArray { Count: > 0 } items)
        {
            // A list of insurers or products is given whole, one block mapping per entry; an entry is
            // bound on the defaults of its record, so it names its required fields and those that differ.
            var elementType = field.Type.GetElementType()!;
            var entryDefaults = ScenarioWriter.ToJson(Activator.CreateInstance(elementType)!);
            yaml.Append(pad).Append(field.Name).Append(":\n");
            foreach (var item in items)
            {
                string lead = pad + "  - ";
                foreach (var entryField in ParameterTree.Fields(elementType))
                {
                    var v = item![entryField.Name];
                    if (entryField.Param?.Required != true && JsonNode.DeepEquals(v, entryDefaults[entryField.Name])) continue;
                    yaml.Append(lead).Append(entryField.Name).Append(": ").Append(Flow(v)).Append('\n');
                    lead = pad + "    ";
                }
            }
            return;
        }
        yaml.Append(pad).Append(field.Name).Append(": ").Append(Flow(value)).Append('\n');
    }

    private static void WriteIntervention(StringBuilder yaml, Intervention intervention)
    {
        var json = ScenarioWriter.ToJson(intervention);
        yaml.Append("  - year: ").Append(Flow(json["year"])).Append('\n');
        if (intervention.Years > 0) yaml.Append("    years: ").Append(Flow(json["years"])).Append('\n');
        if (intervention.Note.Length > 0) yaml.Append("    note: ").Append(Flow(json["note"])).Append('\n');
        if (intervention.Set.Length > 0)
        {
            yaml.Append("    set:\n");
            foreach (var (path, value) in json["set"]!.AsObject())
            {
                yaml.Append("      ").Append(path).Append(": ").Append(Flow(value)).Append('\n');
            }
        }
        if (intervention.Launch.Length > 0) yaml.Append("    launch: ").Append(Flow(json["launch"])).Append('\n');
        if (intervention.Withdraw.Length > 0) yaml.Append("    withdraw: ").Append(Flow(json["withdraw"])).Append('\n');
    }

    /// <summary>A value in YAML flow style: numbers and true/false plain, text plain when safe and quoted otherwise.</summary>
    private static string Flow(JsonNode? node) => node switch
    {
        null => throw new InvalidOperationException("a scenario value is missing (null)"),
        JsonObject o => "{" + string.Join(", ", o.Select(kv => Key(kv.Key) + ": " + Flow(kv.Value))) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(Flow)) + "]",
        JsonValue v when v.TryGetValue(out string? text) => PlainText().IsMatch(text) && text is not ("null" or "true" or "false")
            ? text
            : JsonSerializer.Serialize(text, JsonOptions),
        _ => node.ToJsonString(JsonOptions),
    };

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : JsonSerializer.Serialize(key, JsonOptions);

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a fixed sequence for a seed on every machine and .NET version.</summary>
    private sealed class Draws(int seed)
    {
        private ulong _state = unchecked((ulong)seed * 0xD1B54A32D192ED03UL + 0x2545F4914F6CDD1DUL);

        private ulong NextUInt64()
        {
            ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            return z ^ (z >> 31);
        }

        /// <summary>A whole number in [0, max).</summary>
        public int Next(int max) => max <= 0 ? throw new ArgumentOutOfRangeException(nameof(max)) : (int)(NextUInt64() % (ulong)max);

        /// <summary>A whole number in [min, max).</summary>
        public int Next(int min, int max) => min + Next(max - min);

        /// <summary>A whole number in [min, max).</summary>
        public long NextInt64(long min, long max) => min + (long)(NextUInt64() % (ulong)(max - min));

        /// <summary>A number in [0, 1), on a grid of 2^-53.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
    }
}
