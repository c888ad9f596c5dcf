using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>A scenario read and checked, with where it came from.</summary>
/// <param name="Scenario">The resolved scenario (defaults plus the file's values).</param>
/// <param name="Source">The path given, or the built-in name.</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes.</param>
/// <param name="Text">The file's text.</param>
public sealed record LoadedScenario(Scenario Scenario, string Source, string Sha256, string Text);

/// <summary>
/// Reads scenario files: a path, or the name of a built-in scenario. Every problem is collected,
/// each naming the file, the line and the field; a scenario with any problem is never returned.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Largest scenario file accepted.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Deepest nesting of mappings and lists accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most scenarios in a chain of bases.</summary>
    public const int MaxBaseDepth = 16;

    /// <summary>Loads a scenario from a file path or a built-in name; throws <see cref="ScenarioException"/> listing every problem.</summary>
    public static LoadedScenario Load(string pathOrName) => Load(pathOrName, []);

    private static LoadedScenario Load(string pathOrName, IReadOnlyList<string> chain)
    {
        if (File.Exists(pathOrName))
        {
            var info = new FileInfo(pathOrName);
            if (info.Length > MaxFileBytes)
            {
                throw Single(pathOrName, $"the file is {info.Length:N0} bytes; a scenario may be at most {MaxFileBytes:N0}");
            }
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(pathOrName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Single(pathOrName, $"cannot read the file: {e.Message}");
            }
            return Parse(bytes, pathOrName, chain);
        }
        if (ScenarioCatalogue.TryGet(pathOrName, out byte[]? builtIn)) return Parse(builtIn, pathOrName, chain);
        if (Directory.Exists(pathOrName)) throw Single(pathOrName, "is a directory, not a scenario file");
        throw Single(pathOrName, $"no such file, and no built-in scenario of that name (built-in: {string.Join(", ", ScenarioCatalogue.Names)})");
    }

    /// <summary>Parses scenario bytes (UTF-8 YAML); <paramref name="source"/> names them in problems.</summary>
    public static LoadedScenario Parse(byte[] bytes, string source) => Parse(bytes, source, []);

    private static LoadedScenario Parse(byte[] bytes, string source, IReadOnlyList<string> chain)
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Single(source, "the file is not valid UTF-8 text");
        }

        var problems = new List<ScenarioProblem>();
        var root = ParseYaml(text, source, problems);
        if (root is null) throw new ScenarioException(problems);
        // A run's manifest.json: its parameters are the resolved scenario, so the run can be repeated from it.
        bool manifest = false;
        if (Has(root, "program_version") && root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "parameters" }).Value is YamlMappingNode parameters)
        {
            root = parameters;
            manifest = true;
        }

        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var binder = new YamlBinder(source, problems, marks);
        // A manifest's parameters are resolved already (its interventions include its base's): its base is only a record of where it came from.
        var start = (manifest ? null : BaseOf(root, source, chain, problems)) ?? new Scenario();
        // The file's own text, not its base's: a reform inherits settings, not a name or a question.
        var defaults = start with { Name = "", Description = "", Question = "", Base = "" };
        var scenario = (Scenario)binder.BindRecord(typeof(Scenario), root, defaults, "");
        if (scenario.Name.Length == 0) scenario = scenario with { Name = DefaultName(source) };
        if (Has(root, "interventions")) scenario = scenario with { Interventions = [.. start.Interventions, .. scenario.Interventions] };

        // A field the file got wrong keeps its default; checks of that default would only repeat the problem.
        var bound = problems.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        void Report(string path, string message)
        {
            if (bound.Contains(path)) return;
            var mark = FindMark(marks, path);
            problems.Add(new ScenarioProblem(source, (int)(mark?.Line ?? 0), (int)(mark?.Column ?? 0), path, message));
        }
        ParameterValidator.Validate(scenario, "", Report);
        if (problems.Count == 0)
        {
            ScenarioTimeline.Compile(scenario, (i, _, message) => Report($"interventions[{i}].set", message));
        }
        if (problems.Count > 0) throw new ScenarioException(Order(problems));
        return new LoadedScenario(scenario, source, sha, text);
    }

    private static bool Has(YamlMappingNode root, string key) =>
        root.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == key);

    /// <summary>
    /// The resolved base scenario the file names (a path relative to the file, or a built-in name), or
    /// null. A base that cannot be loaded adds its problems and one naming the base field.
    /// </summary>
    private static Scenario? BaseOf(YamlMappingNode root, string source, IReadOnlyList<string> chain, List<ScenarioProblem> problems)
    {
        var entry = root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "base" });
        if (entry.Value is not YamlScalarNode { Value: { Length: > 0 } name }) return null;
        var at = entry.Value.Start;
        string identity = Identity(source);
        string? directory = File.Exists(source) ? Path.GetDirectoryName(Path.GetFullPath(source)) : null;
        string target = name;
        if (directory is not null)
        {
            string relative = Path.Combine(directory, name);
            if (File.Exists(relative)) target = relative;
            else if (File.Exists(relative + ".yaml")) target = relative + ".yaml";
        }
        if (!File.Exists(target) && !ScenarioCatalogue.TryGet(target, out _))
        {
            problems.Add(new ScenarioProblem(source, (int)at.Line, (int)at.Column, "base",
                $"'{name}' is neither a file (relative to this one) nor a built-in scenario ({string.Join(", ", ScenarioCatalogue.Names)})"));
            return null;
        }
        var path = chain.Append(identity).ToList();
        if (path.Contains(Identity(target)))
        {
            problems.Add(new ScenarioProblem(source, (int)at.Line, (int)at.Column, "base",
                $"'{name}' makes a cycle of bases: {string.Join(" -> ", path.Append(Identity(target)).Select(Path.GetFileName))}"));
            return null;
        }
        if (path.Count > MaxBaseDepth)
        {
            problems.Add(new ScenarioProblem(source, (int)at.Line, (int)at.Column, "base", $"more than {MaxBaseDepth} scenarios in a chain of bases"));
            return null;
        }
        try
        {
            return Load(target, path).Scenario;
        }
        catch (ScenarioException e)
        {
            problems.Add(new ScenarioProblem(source, (int)at.Line, (int)at.Column, "base", $"the base scenario '{name}' cannot be used"));
            problems.AddRange(e.Problems);
            return null;
        }
    }

    private static string Identity(string source) =>
        File.Exists(source) ? Path.GetFullPath(source) : "builtin:" + (source.EndsWith(".yaml", StringComparison.Ordinal) ? source[..^5] : source);

    /// <summary>Checks a scenario after command-line overrides: every range and cross-field rule, and the timeline.</summary>
    public static IReadOnlyList<ScenarioProblem> Check(Scenario scenario, string source)
    {
        var problems = new List<ScenarioProblem>();
        ParameterValidator.Validate(scenario, "", (path, message) => problems.Add(new ScenarioProblem(source, 0, 0, path, message)));
        if (problems.Count == 0)
        {
            ScenarioTimeline.Compile(scenario, (i, _, message) => problems.Add(new ScenarioProblem(source, 0, 0, $"interventions[{i}].set", message)));
        }
        return problems;
    }

    private static YamlMappingNode? ParseYaml(string text, string source, List<ScenarioProblem> problems)
    {
        try
        {
            if (!CheckStructure(text, source, problems)) return null;
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                problems.Add(new ScenarioProblem(source, 0, 0, "", "expected exactly one YAML document"));
                return null;
            }
            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var start = stream.Documents[0].RootNode.Start;
                problems.Add(new ScenarioProblem(source, (int)start.Line, (int)start.Column, "", "expected a mapping of fields at the top level"));
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            string message = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            problems.Add(new ScenarioProblem(source, (int)e.Start.Line, (int)e.Start.Column, "", $"invalid YAML: {message}"));
            return null;
        }
    }

    /// <summary>
    /// Rejects what a scenario never needs and an attacker might use: anchors and aliases (alias
    /// expansion), tags, and nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    private static bool CheckStructure(string text, string source, List<ScenarioProblem> problems)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            string? problem = e switch
            {
                AnchorAlias => "anchors and aliases (*name) are not supported in scenarios",
                NodeEvent { Anchor.IsEmpty: false } => "anchors (&name) are not supported in scenarios",
                NodeEvent { Tag.IsEmpty: false } n when !n.Tag.IsNonSpecific => "tags (!name) are not supported in scenarios",
                _ => null,
            };
            if (e is MappingStart or SequenceStart && ++depth > MaxDepth)
            {
                problem = $"nesting deeper than {MaxDepth} levels";
            }
            else if (e is MappingEnd or SequenceEnd)
            {
                depth--;
            }
            if (problem is not null)
            {
                problems.Add(new ScenarioProblem(source, (int)e.Start.Line, (int)e.Start.Column, "", problem));
                return false;
            }
        }
        return true;
    }

    private static Mark? FindMark(Dictionary<string, Mark> marks, string path)
    {
        // A problem with a field the file did not set points at the nearest enclosing field it did set.
        for (string p = path; p.Length > 0; p = p.Contains('.', StringComparison.Ordinal) ? p[..p.LastIndexOf('.')] : "")
        {
            string key = p.Contains('[', StringComparison.Ordinal) ? p[..p.IndexOf('[', StringComparison.Ordinal)] : p;
            if (marks.TryGetValue(p, out var mark) || marks.TryGetValue(key, out mark)) return mark;
        }
        return null;
    }

    private static List<ScenarioProblem> Order(List<ScenarioProblem> problems) =>
        [.. problems.Distinct().OrderBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Field, StringComparer.Ordinal)];

    private static string DefaultName(string source) => Path.GetFileNameWithoutExtension(source);

    private static ScenarioException Single(string source, string message) =>
        new([new ScenarioProblem(source, 0, 0, "", message)]);
}
