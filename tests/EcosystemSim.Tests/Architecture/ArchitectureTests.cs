using System.Reflection;
using System.Text.RegularExpressions;
using EcosystemSim.Model.Households;

namespace EcosystemSim.Tests.Architecture;

/// <summary>
/// The layout's rules, checked on the source and the assemblies: the model is pure (no Orleans
/// runtime, no I/O, no clock, no unseeded randomness); the command line holds no model or protocol
/// logic (it goes through the experiment layer); methods stay short.
/// </summary>
public partial class ArchitectureTests
{
    private static readonly string Root = FindRoot();

    /// <summary>What the model may not mention: Orleans beyond its serialisation attributes, I/O, the clock, unseeded randomness, threads.</summary>
    public static TheoryData<string> ModelForbidden() =>
    [
        "IGrain", "GrainFactory", ": Grain", "IClusterClient", "Orleans.Runtime", "Orleans.Hosting",
        "System.IO", "File.", "Directory.", "Console.", "FileStream", "StreamReader", "StreamWriter", "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset", "Stopwatch",
        "Environment.", "new Random(", "Random.Shared", "Guid.NewGuid", "Task.", "async ", "Thread", "Parallel.",
    ];

    /// <summary>What the command line may not do itself: build run plans, step years, apply rules or compute metrics.</summary>
    public static TheoryData<string> HostForbidden() =>
    [
        "new RunPlan(", "RunPlan.For", "WorldLayout", "ScenarioTimeline.Compile", "YearProtocol", "IAgents", "RunYearAsync", "RunOnceAsync",
        "Seeds.ForReplication", "MetricRegistry.Compute", "PopulationSummary", "ComparisonTable.Of", "HouseholdRules", "LocalGovernmentRules",
        "InsurerRules", "CentralFundRules", "PopulationRules", "MarketRules",
    ];

    [Theory]
    [MemberData(nameof(ModelForbidden))]
    public void The_model_mentions_no_runtime_io_or_clock(string token) =>
        AssertNowhere(Sources("Grains", "Model"), token);

    [Theory]
    [MemberData(nameof(HostForbidden))]
    public void The_command_line_holds_no_model_or_protocol_logic(string token) =>
        AssertNowhere(Sources("Host"), token);

    [Fact]
    public void Model_types_expose_no_orleans_runtime_or_io_types()
    {
        var model = typeof(HouseholdState).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("EcosystemSim.Model", StringComparison.Ordinal) == true);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offences = new List<string>();
        foreach (var type in model.Where(t => !t.Name.Contains("Codec", StringComparison.Ordinal) && !t.Name.Contains("Copier", StringComparison.Ordinal) && !t.Name.Contains("Activator", StringComparison.Ordinal)))
        {
            var used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetInterfaces()).Append(type.BaseType);
            offences.AddRange(used.Where(Forbidden).Select(u => $"{type.FullName} uses {u!.FullName}"));
        }
        Assert.True(offences.Count == 0, string.Join('\n', offences));

        static bool Forbidden(Type? t) => t is not null &&
            (t.Namespace?.StartsWith("Orleans", StringComparison.Ordinal) == true || t.Namespace == "System.IO" || t == typeof(Random) || t == typeof(Task) ||
             (t.IsGenericType && t.GetGenericArguments().Any(Forbidden)) || (t.HasElementType && Forbidden(t.GetElementType())));
    }

    [Fact]
    public void No_method_is_longer_than_about_sixty_lines()
    {
        const int limit = 62;
        var exempt = new[] { "MetricRegistry.Declare" };
        var offences = new List<string>();
        foreach (string file in new[] { "Grains", "Engine", "Scenarios", "Reports", "Host" }.SelectMany(d => Sources(d)))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i + 1 < lines.Length; i++)
            {
                var member = MemberStart().Match(lines[i]);
                if (!member.Success || lines[i + 1] != member.Groups["indent"].Value + "{") continue;
                string closing = member.Groups["indent"].Value + "}";
                int end = Array.FindIndex(lines, i + 2, l => l == closing || l.StartsWith(closing + ";", StringComparison.Ordinal) || l.StartsWith(closing + ")", StringComparison.Ordinal));
                string name = $"{Path.GetFileNameWithoutExtension(file)}.{member.Groups["name"].Value}";
                if (end > 0 && end - i > limit && !exempt.Contains(name)) offences.Add($"{name}: {end - i + 1} lines ({Path.GetRelativePath(Root, file)}:{i + 1})");
            }
        }
        Assert.True(offences.Count == 0, string.Join('\n', offences));
    }

    private static void AssertNowhere(IEnumerable<string> files, string token)
    {
        var hits = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Code(x.line).Contains(token, StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(hits.Count == 0, $"'{token}' found:\n" + string.Join('\n', hits));
    }

    /// <summary>A line without its comment (XML docs and // comments may name anything).</summary>
    private static string Code(string line)
    {
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 ? line[..comment] : line;
    }

    private static IEnumerable<string> Sources(params string[] folder)
    {
        string dir = Path.Combine([Root, .. folder]);
        return Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcosystemSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the source tree (EcosystemSim.sln) is not above the test binaries");
    }

    /// <summary>A method, constructor, operator or local function with a block body: its indentation and name.</summary>
    [GeneratedRegex(@"^(?<indent>\s+)(?:[\w<>\[\],.?()\s]+\s)?(?<name>[A-Z]\w*)(?:<[^>]*>)?\((?!.*=>).*\)?\s*(?:where .*)?$")]
    private static partial Regex MemberStart();
}
