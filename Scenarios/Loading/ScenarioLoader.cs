using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using EcosystemSim.Model.Parameters;
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

    /// <summary>A base written builtin:NAME is the catalogue's scenario NAME, whatever files lie beside.</summary>
    public const string BuiltInPrefix = "builtin:";

    /// <summary>Most scenarios in a chain of bases.</summary>
    public const int MaxBaseDepth = 16;

    /// <summary>Loads a scenario from a file path or a built-in name; throws <see cref="ScenarioException"/> listing every problem.</summary>
    public static LoadedScenario Load(string pathOrName) => Load(pathOrName, []);

    private static LoadedScenario Load(string pathOrName, IReadOnlyList<string> chain)
    {
        if (File.Exists(pathOrName))
        {
            return Parse(ReadFile(pathOrName), pathOrName, chain, false);
        }
        if (ScenarioCatalogue.TryGet(pathOrName, out byte[]? builtIn)) return Parse(builtIn, pathOrName, chain, false);
        if (Directory.Exists(pathOrName)) throw Single(pathOrName, "is a directory, not a scenario file");
        throw Single(pathOrName, $"no such file, and no built-in scenario of that name (built-in: {string.Join(", ", ScenarioCatalogue.Names)})");
    }

    /// <summary>
    /// A scenario file's bytes: a regular file only (a device such as /dev/zero or a FIFO would be read
    /// forever or hang), and at most <see cref="MaxFileBytes"/> read whatever size the file claims.
    /// </summary>
    private static byte[] ReadFile(string path)
    {
        if (!FileKind.IsRegular(path)) throw Single(path, "is not a regular file (a device, a pipe or a socket); give a scenario file");
        long length = new FileInfo(path).Length;
        if (length > MaxFileBytes) throw Single(path, $"the file is {length:N0} bytes; a scenario may be at most {MaxFileBytes:N0}");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxFileBytes) throw Single(path, $"the file grew past {MaxFileBytes:N0} bytes while read; a scenario may be at most {MaxFileBytes:N0}");
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Single(path, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Parses scenario bytes (UTF-8 YAML); <paramref name="source"/> names them in problems.</summary>
    public static LoadedScenario Parse(byte[] bytes, string source) => Parse(bytes, source, [], false);

    /// <summary>
    /// Parses scenario text from a client that may not name files (the lab's API): its base, and
    /// its base's base, must be built-in scenarios, and <paramref name="source"/> is only a label.
    /// </summary>
    public static LoadedScenario ParseUntrusted(byte[] bytes, string source) => Parse(bytes, source, [], true);

    private static LoadedScenario Parse(byte[] bytes, string source, IReadOnlyList<string> chain, bool catalogueOnly)
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try
        {
            // A leading byte-order mark (as some Windows editors write) is not part of the text.
            int start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
            text = new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw Single(source, "the file is not valid UTF-8 text");
        }

        try
        {
            return Interpret(text, source, sha, chain, catalogueOnly);
        }
        catch (ScenarioException)
        {
            throw;
        }
#pragma warning disable CA1031 // Malformed input ends in problems, never in another exception: whatever escapes the checks is one.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw Single(source, $"cannot be read ({OneLine(e.Message)})");
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static LoadedScenario Interpret(string text, string source, string sha, IReadOnlyList<string> chain, bool catalogueOnly)
    {
        var problems = new List<ScenarioProblem>();
        if (RawControlCharacters(text, source) is { Count: > 0 } raw) throw new ScenarioException(raw);
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
        var start = (manifest ? null : (catalogueOnly ? BuiltInBaseOf(root, source, chain, problems) : BaseOf(root, source, chain, problems))) ?? new Scenario();
        // The file's own text, not its base's: a reform inherits settings, not a name, a question or a lesson.
        var defaults = start with { Name = "", Description = "", Question = "", Lesson = Lesson.None, Base = "" };
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
        // A name with control characters is refused where the field is bound; it names no file.
        if (name.Any(char.IsControl)) return null;
        var at = entry.Value.Start;
        string identity = Identity(source);
        string? directory = File.Exists(source) ? Path.GetDirectoryName(Path.GetFullPath(source)) : null;
        string target = name;
        if (name.StartsWith(BuiltInPrefix, StringComparison.Ordinal))
        {
            // builtin:NAME names the catalogue's scenario even beside a file of that name.
            target = name[BuiltInPrefix.Length..];
            if (!ScenarioCatalogue.TryGet(target, out _))
            {
                problems.Add(new ScenarioProblem(source, (int)at.Line, (int)at.Column, "base",
                    $"'{name}': no built-in scenario '{target}' ({string.Join(", ", ScenarioCatalogue.Names)})"));
                return null;
            }
        }
        else if (directory is not null)
        {
            string relative = Path.Combine(directory, name);
            // A file whose base names itself (a user's baseline.yaml with base: baseline) means the built-in of that name.
            bool builtIn = ScenarioCatalogue.TryGet(name, out _);
            if (File.Exists(relative) && !(builtIn && Identity(relative) == identity)) target = relative;
            else if (File.Exists(relative + ".yaml") && !(builtIn && Identity(relative + ".yaml") == identity)) target = relative + ".yaml";
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

    /// <summary>The base of text that may name no file: a built-in scenario (NAME or builtin:NAME), resolved from the catalogue alone.</summary>
    private static Scenario? BuiltInBaseOf(YamlMappingNode root, string source, IReadOnlyList<string> chain, List<ScenarioProblem> problems)
    {
        var entry = root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "base" });
        if (entry.Value is not YamlScalarNode { Value: { Length: > 0 } name } || name.Any(char.IsControl)) return null;
        var at = entry.Value.Start;
        string target = name.StartsWith(BuiltInPrefix, StringComparison.Ordinal) ? name[BuiltInPrefix.Length..] : name;
        if (!ScenarioCatalogue.TryGet(target, out byte[]? bytes))
        {
            problems.Add(new ScenarioProblem(source, (int)at.Line, (int)at.Column, "base",
                $"'{name}' is not a built-in scenario; here a base must be one ({string.Join(", ", ScenarioCatalogue.Names)})"));
            return null;
        }
        var path = chain.Append(BuiltInPrefix + source).ToList();
        if (path.Contains(BuiltInPrefix + target) || path.Count > MaxBaseDepth)
        {
            problems.Add(new ScenarioProblem(source, (int)at.Line, (int)at.Column, "base", $"'{name}' makes a cycle of bases or too long a chain"));
            return null;
        }
        try
        {
            return Parse(bytes, target, path, true).Scenario;
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
        // The scanner in use, for where the parser was when it failed with something other than a YamlException.
        Scanner scanner = new(new StringReader(text));
        try
        {
            if (!CheckStructure(new Parser(scanner), source, problems)) return null;
            scanner = new Scanner(new StringReader(text));
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
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
            string message = OneLine(e.InnerException?.Message ?? e.Message);
            var (line, column) = TabIndentation(text, e, scanner) ?? ((int)e.Start.Line, (int)e.Start.Column);
            problems.Add(new ScenarioProblem(source, line, column, "", $"invalid YAML: {message}"));
            return null;
        }
#pragma warning disable CA1031 // The parser fails on some malformed input with other exceptions; each is a problem where it stopped.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            var at = SafePosition(scanner);
            problems.Add(new ScenarioProblem(source, (int)(at?.Line ?? 0), (int)(at?.Column ?? 0), "",
                $"invalid YAML: the parser cannot read the text from here on ({OneLine(e.Message)})"));
            return null;
        }
    }

    private static Mark? SafePosition(Scanner scanner)
    {
        try
        {
            return scanner.CurrentPosition;
        }
#pragma warning disable CA1031 // Only a position for a message: none is better than another failure.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// Where a tab used as indentation is, for a parser error about one: the parser reports it at the
    /// start of the enclosing mapping or the end of the previous value, often lines away. The tab is
    /// looked for from the line the error starts on to the line the parser stopped at.
    /// </summary>
    private static (int Line, int Column)? TabIndentation(string text, YamlException e, Scanner scanner)
    {
        if (!e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)) return null;
        long first = Math.Max(1, e.Start.Line);
        long last = Math.Max(e.End.Line, SafePosition(scanner)?.Line ?? 0);
        var lines = Lines(text);
        for (long n = first; n <= last && n <= lines.Count; n++)
        {
            string line = lines[(int)(n - 1)];
            int content = 0;
            while (content < line.Length && line[content] is ' ' or '\t') content++;
            int tab = line.IndexOf('\t', 0, content);
            if (tab >= 0 && content < line.Length && line[content] != '#') return ((int)n, tab + 1);
        }
        return null;
    }

    /// <summary>The lines of the text, split at every line break YAML knows (CR LF, CR, LF, NEL, LS, PS).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029')) continue;
            lines.Add(text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Most problems reported for raw control characters in one file.</summary>
    private const int MaxRawProblems = 10;

    /// <summary>
    /// A problem for each control character written raw in the file, where YAML allows none (C0 but
    /// tab, line feed and carriage return; DEL; C1 but NEL), at its line and column, naming the field
    /// whose text it is in. They are refused before the YAML is read: the parser silently ends the
    /// text at a NUL, and passes escape sequences through to the report and the terminal.
    /// </summary>
    private static List<ScenarioProblem> RawControlCharacters(string text, string source)
    {
        var problems = new List<ScenarioProblem>();
        if (!text.Any(IsRawControl)) return problems;
        var found = new List<(int Index, int Line, int Column)>();
        int line = 1, column = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsRawControl(c)) found.Add((i, line, column));
            if (c is '\n' or '\u0085' or '\u2028' or '\u2029' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        // The field each is in, from the text with a printable stand-in for each, if that is YAML.
        var root = RootOrNull(string.Concat(text.Select(c => IsRawControl(c) ? '\uFFFD' : c)));
        foreach (var (index, at, column1) in found.Take(MaxRawProblems))
        {
            string field = root is null ? "" : FieldAt(root, index, "") ?? "";
            problems.Add(new ScenarioProblem(source, at, column1, field, $"the control character U+{(int)text[index]:X4} is not allowed in a scenario file"));
        }
        if (found.Count > MaxRawProblems)
        {
            problems.Add(new ScenarioProblem(source, 0, 0, "", $"{found.Count - MaxRawProblems:N0} more control characters"));
        }
        return problems;
    }

    private static bool IsRawControl(char c) =>
        char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\u0085');

    private static YamlNode? RootOrNull(string text)
    {
        try
        {
            var probe = new List<ScenarioProblem>();
            return ParseYaml(text, "", probe);
        }
#pragma warning disable CA1031 // Only to name a field in a problem: none is better than another failure.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The path of the deepest field whose key or value holds the character at <paramref name="index"/>, or null.</summary>
    private static string? FieldAt(YamlNode node, long index, string path)
    {
        static bool Holds(YamlNode n, long i) => n.Start.Index <= i && i < n.End.Index;
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    string child = YamlBinder.Join(path, (key as YamlScalarNode)?.Value ?? "");
                    if (Holds(key, index)) return child;
                    if (Holds(value, index)) return FieldAt(value, index, child) ?? child;
                }
                return null;
            case YamlSequenceNode sequence:
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    string child = $"{path}[{i}]";
                    if (Holds(sequence.Children[i], index)) return FieldAt(sequence.Children[i], index, child) ?? child;
                }
                return null;
            default:
                return null;
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Rejects what a scenario never needs and an attacker might use: anchors and aliases (alias
    /// expansion), tags, and nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    private static bool CheckStructure(Parser parser, string source, List<ScenarioProblem> problems)
    {
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
