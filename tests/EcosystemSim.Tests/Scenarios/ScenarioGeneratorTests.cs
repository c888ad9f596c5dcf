using System.Text;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// The generator of random scenarios for the engine property tests: every scenario it makes is small
/// and valid, its YAML reproduces it, the same seed makes the same scenario, and over a couple of
/// hundred seeds it uses every kind of intervention. No simulation runs here.
/// </summary>
public class ScenarioGeneratorTests
{
    private const int Seeds = 200;

    private static readonly string[] RegionNames = ["east", "central", "west", "northeast"];

    private static readonly Lazy<Scenario[]> Generated = new(() => [.. Enumerable.Range(0, Seeds).Select(ScenarioGenerator.Generate)]);

    private static readonly Lazy<int> MostBuiltInInterventions = new(() => ScenarioCatalogue.Names.Max(n => ScenarioLoader.Load(n).Scenario.Interventions.Length));

    [Fact]
    public void Every_generated_scenario_is_small_and_passes_the_checks()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Seeds; seed++)
        {
            var s = Generated.Value[seed];
            var problems = ScenarioLoader.Check(s, ScenarioGenerator.SourceName);
            if (problems.Count > 0) failures.Add($"seed {seed}: {string.Join("; ", problems)}");
            if (s.Households is < 150 or > 600) failures.Add($"seed {seed}: {s.Households} households");
            if (s.Households < WorldLayout.CountyCount(s.Model.Population)) failures.Add($"seed {seed}: fewer households than counties");
            if (s.Years is < 2 or > 5) failures.Add($"seed {seed}: {s.Years} years");
            if (s.Replications != 1) failures.Add($"seed {seed}: {s.Replications} replications");
            if (s.Interventions.Any(i => i.Year < s.StartYear || i.Year > s.EndYear)) failures.Add($"seed {seed}: an intervention outside the run");
            // Its own at most 4, after those of its base (inherited, or shifted from a built-in scenario it is derived from).
            int inherited = s.Base.Length > 0 ? ScenarioLoader.Load(s.Base).Scenario.Interventions.Length : MostBuiltInInterventions.Value;
            if (s.Interventions.Length - inherited > 4) failures.Add($"seed {seed}: {s.Interventions.Length - inherited} interventions of its own");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_yaml_of_every_generated_scenario_loads_back_to_the_same_scenario()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Seeds; seed++)
        {
            var s = Generated.Value[seed];
            string yaml = ScenarioGenerator.ToYaml(s);
            try
            {
                var loaded = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), ScenarioGenerator.SourceName).Scenario;
                if (ScenarioWriter.ToJson(loaded).ToJsonString() != ScenarioWriter.ToJson(s).ToJsonString())
                {
                    failures.Add($"seed {seed}: loads back to different parameters\n{yaml}");
                }
                else if (!loaded.Interventions.SequenceEqual(s.Interventions, InterventionComparer.Instance))
                {
                    failures.Add($"seed {seed}: loads back to different interventions\n{yaml}");
                }
                else if (ScenarioGenerator.ToYaml(loaded) != yaml)
                {
                    failures.Add($"seed {seed}: the reloaded scenario writes different YAML\n{yaml}");
                }
            }
            catch (ScenarioException e)
            {
                failures.Add($"seed {seed}: {string.Join("; ", e.Problems)}\n{yaml}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_scenario_in_any_order_and_on_any_thread()
    {
        var again = new Scenario[Seeds];
        Parallel.For(0, Seeds, i => again[Seeds - 1 - i] = ScenarioGenerator.Generate(Seeds - 1 - i));
        for (int seed = 0; seed < Seeds; seed++)
        {
            Assert.Equal(ScenarioGenerator.ToYaml(Generated.Value[seed]), ScenarioGenerator.ToYaml(again[seed]));
            Assert.Equal(ScenarioWriter.ToJson(Generated.Value[seed]).ToJsonString(), ScenarioWriter.ToJson(again[seed]).ToJsonString());
        }
        Assert.NotEqual(ScenarioGenerator.ToYaml(Generated.Value[0]), ScenarioGenerator.ToYaml(Generated.Value[1]));
    }

    [Fact]
    public void Across_seeds_the_generator_uses_every_kind_of_intervention_and_base()
    {
        var all = Generated.Value;
        var ivs = all.SelectMany(s => s.Interventions.Select(i => (Scenario: s, Intervention: i))).ToList();
        var sets = ivs.SelectMany(x => x.Intervention.Set).ToList();
        var kinds = new Dictionary<string, bool>
        {
            ["an intervention in the start year"] = ivs.Any(x => x.Intervention.Year == x.Scenario.StartYear),
            ["an intervention in the last year"] = ivs.Any(x => x.Intervention.Year == x.Scenario.EndYear),
            ["a launch"] = ivs.Any(x => x.Intervention.Launch.Length > 0),
            ["a withdrawal"] = ivs.Any(x => x.Intervention.Withdraw.Length > 0),
            ["a campaign"] = ivs.Any(x => x.Intervention.Years > 0),
            ["a region's value"] = sets.Any(c => RegionNames.Any(r => c.Path.EndsWith("." + r, StringComparison.Ordinal))),
            ["a product's field by id"] = sets.Any(c => c.Path.StartsWith("market.products[", StringComparison.Ordinal)),
            ["an insurer's field by id"] = sets.Any(c => c.Path.StartsWith("market.insurers[", StringComparison.Ordinal)),
            ["market entry"] = sets.Any(c => c.Path.EndsWith("].max_entries_per_year", StringComparison.Ordinal)),
            ["a schedule"] = sets.Any(c => c.Value is YearSchedule),
            ["a choice or flag"] = sets.Any(c => c.Value is bool or Enum),
            ["a base scenario"] = all.Any(s => s.Base.Length > 0),
            ["a base with interventions of its own"] = all.Any(s => s.Base.Length > 0 && ScenarioLoader.Load(s.Base).Scenario.Interventions.Length > 0),
            ["the default parameters"] = all.Any(s => s.Description.Contains("on the default parameters", StringComparison.Ordinal)),
            ["a start year other than 2021"] = all.Any(s => s.StartYear != 2021),
            ["fewer counties"] = all.Any(s => WorldLayout.CountyCount(s.Model.Population) < 40),
            ["a scenario without interventions"] = all.Any(s => s.Interventions.Length == 0),
        };
        var missing = kinds.Where(k => !k.Value).Select(k => k.Key).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
        Assert.True(all.Count(s => s.StartYear == 2021) > Seeds / 2, "2021 should be the usual start year");
    }

    [Fact]
    public void A_scenario_whose_interventions_do_not_begin_with_its_bases_cannot_be_written()
    {
        var multiLevel = ScenarioLoader.Load("multi-level-market").Scenario;
        var broken = multiLevel with { Base = "multi-level-market", Interventions = multiLevel.Interventions[1..] };
        Assert.Throws<ArgumentException>(() => ScenarioGenerator.ToYaml(broken));
    }

    /// <summary>Interventions equal in year, duration, note, launches, withdrawals and each change's path, value and value type.</summary>
    private sealed class InterventionComparer : IEqualityComparer<Intervention>
    {
        public static readonly InterventionComparer Instance = new();

        public bool Equals(Intervention? x, Intervention? y) =>
            x is not null && y is not null && x.Year == y.Year && x.Years == y.Years && x.Note == y.Note &&
            x.Launch.SequenceEqual(y.Launch) && x.Withdraw.SequenceEqual(y.Withdraw) &&
            x.Set.Length == y.Set.Length &&
            x.Set.Zip(y.Set).All(p => p.First.Path == p.Second.Path && p.First.Value?.GetType() == p.Second.Value?.GetType() && Equals(p.First.Value, p.Second.Value));

        public int GetHashCode(Intervention obj) => obj.Year;
    }
}
