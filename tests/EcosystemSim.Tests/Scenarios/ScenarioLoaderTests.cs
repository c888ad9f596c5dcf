using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Tests.Scenarios;

public class ScenarioLoaderTests
{
    public static TheoryData<string> MalformedFiles() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "malformed"), "*.yaml").Order().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Every_malformed_file_is_rejected_with_a_line_naming_the_file_and_the_problem(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "malformed", name);
        string expected = File.ReadLines(path).First()["# expect: ".Length..];
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.NotEmpty(e.Problems);
        // Problems name this file, or a base it names (itself in the corpus).
        Assert.Contains(e.Problems, p => p.ToString().StartsWith(path + ":", StringComparison.Ordinal));
        Assert.All(e.Problems, p => Assert.StartsWith(Path.GetDirectoryName(path)!, p.ToString(), StringComparison.Ordinal));
        Assert.All(e.Problems, p => Assert.Matches(@"^[^:]+\.yaml(:\d+:\d+)?: ", p.ToString()));
        Assert.All(e.Problems, p => Assert.DoesNotContain('\n', p.ToString()));
        Assert.Contains(e.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_oversized_file_is_refused_before_it_is_read()
    {
        using var temp = new Support.TempDirectory();
        string path = temp["huge.yaml"];
        File.WriteAllText(path, "# padding\n" + new string('#', ScenarioLoader.MaxFileBytes) + "\nseed: 1\n");
        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Problems);
        Assert.StartsWith($"{path}: the file is", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("at most 1,048,576", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_without_expanding_it()
    {
        var lines = new List<string> { "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]" };
        for (char c = 'b'; c <= 'i'; c++) lines.Add($"{c}: &{c} [*{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}]");
        var e = Assert.Throws<ScenarioException>(() => Parse(string.Join("\n", lines) + "\n"));
        Assert.Contains("anchors", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_point_at_the_line_of_the_offending_field()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "malformed", "negative-share.yaml");
        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Problems);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith($"{path}:3:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_in_a_file_are_reported_at_once()
    {
        var e = Assert.Throws<ScenarioException>(() => Parse("sead: 1\nyears: 0\npension:\n  vesting_yeers: 3\n"));
        Assert.Equal(["sead", "years", "pension.vesting_yeers"], e.Problems.Select(p => p.Field));
        Assert.Equal([1, 2, 4], e.Problems.Select(p => p.Line));
    }

    [Fact]
    public void The_baseline_loads_with_the_announced_schedule()
    {
        var s = ScenarioLoader.Load("baseline").Scenario;
        Assert.Equal("baseline", s.Name);
        Assert.Equal(2021, s.StartYear);
        Assert.Equal(20_000, s.Households);
        var schedule = s.Model.Pension.MinimumMonthlyYuan;
        Assert.Equal(93, schedule.ValueAt(2021));
        Assert.Equal(98, schedule.ValueAt(2022));
        Assert.Equal(163, schedule.ValueAt(2026));
        Assert.Equal(163, schedule.ValueAt(2040));
    }

    [Fact]
    public void The_built_in_baseline_is_the_file_in_the_Scenarios_folder()
    {
        string repoFile = Path.Combine(RepositoryRoot(), "Scenarios", "baseline.yaml");
        Assert.Equal(ScenarioLoader.Load(repoFile).Sha256, ScenarioLoader.Load("baseline").Sha256);
    }

    [Fact]
    public void Values_override_defaults_field_by_field_and_region_by_region()
    {
        var s = Parse("income:\n  growth_rate: {west: 0.05}\npension:\n  participation:\n    habit: 1.25\n").Scenario;
        var defaults = new IncomeParameters().GrowthRate;
        Assert.Equal(0.05, s.Model.Income.GrowthRate.West);
        Assert.Equal(defaults.East, s.Model.Income.GrowthRate.East);
        Assert.Equal(1.25, s.Model.Pension.Participation.Habit);
        Assert.Equal(new ParticipationParameters().Intercept, s.Model.Pension.Participation.Intercept);
        Assert.Equal(new PensionParameters().VestingYears, s.Model.Pension.VestingYears);
    }

    [Fact]
    public void A_resolved_scenario_written_as_json_loads_back_to_the_same_scenario()
    {
        var original = Parse("name: reform\nseed: 9\npension:\n  minimum_monthly_yuan: {2021: 100, 2030: 300}\n  subsidy_multiplier: {east: 2}\n").Scenario;
        string json = ScenarioWriter.ToJson(original).ToJsonString();
        var reloaded = ScenarioLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "manifest.json").Scenario;
        Assert.Equal(ScenarioWriter.ToJson(original).ToJsonString(), ScenarioWriter.ToJson(reloaded).ToJsonString());
        Assert.Equal(300, reloaded.Model.Pension.MinimumMonthlyYuan.ValueAt(2031));
        Assert.Equal(2, reloaded.Model.Pension.SubsidyMultiplier.East);
    }

    [Fact]
    public void A_missing_file_is_one_problem_naming_it()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("no/such/file.yaml"));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("no/such/file.yaml: no such file", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_parameter_is_documented_with_a_unit()
    {
        void Walk(Type type, string path)
        {
            foreach (var field in ParameterTree.Fields(type))
            {
                Assert.False(string.IsNullOrWhiteSpace(field.Description), $"{path}{field.Name} has no description");
                if (field.Kind == FieldKind.Section) Walk(field.Type, $"{path}{field.Name}.");
                else Assert.False(string.IsNullOrWhiteSpace(field.Param?.Unit), $"{path}{field.Name} has no unit");
                if (field.Kind == FieldKind.RecordList) Walk(field.Type.GetElementType()!, $"{path}{field.Name}[].");
            }
        }
        Walk(typeof(Scenario), "");
    }

    private static LoadedScenario Parse(string yaml) => ScenarioLoader.Parse(System.Text.Encoding.UTF8.GetBytes(yaml), "test.yaml");

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcosystemSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
