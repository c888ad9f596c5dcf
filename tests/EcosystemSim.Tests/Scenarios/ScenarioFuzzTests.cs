using System.Globalization;
using System.Text;
using EcosystemSim.Scenarios;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// Malformed input never escapes the loader as anything but a <see cref="ScenarioException"/>: every
/// built-in scenario truncated at every byte, and a fixed-seed sample of byte and token mutations of
/// them, either loads or is refused with one-line problems. <c>ECOSIM_FUZZ_CASES=N</c> runs N
/// mutations instead of the default sample.
/// </summary>
public class ScenarioFuzzTests
{
    private const int DefaultMutations = 3000;
    private const int CliSample = 50;
    private const int Seed = 20240917;

    private static readonly string[] Tokens =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!", "!!str ", "!x ", "\t", "\0", "?", "? ",
        "'", "\"", "#", "|", ">", "|-\n", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\r", "\r\n", "\n  ",
        "\u001b[31m", "\u0085", "\u2028", "\uFEFF", "\\", "\"\\x00\"", "\"\\u001b\"", "@", "`", "~", "null", "  ",
        "99999999999999999999999999999999999999999999999", "1e999", "-1e999", "0x7FFFFFFFFFFFFFFFFF", ".nan", "-.inf",
        new string('9', 400), "18446744073709551616", "-9223372036854775809", "1_000", "2e9", "<<: ", "=",
    ];

    private static readonly byte[][] RawBytes = [[0xFF], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0x00], [0x1B], [0x7F], [0xC2, 0x85], [0xF0, 0x9F, 0x98, 0x80]];

    private static IReadOnlyList<(string Name, byte[] Bytes)> Catalogue() =>
        [.. ScenarioCatalogue.Names.Select(n => (n, ScenarioCatalogue.TryGet(n, out var b) ? b : throw new InvalidOperationException(n)))];

    [Fact]
    public void Every_truncation_of_every_built_in_scenario_loads_or_is_refused_with_problems()
    {
        var cases = Catalogue().SelectMany(c => Enumerable.Range(0, c.Bytes.Length + 1).Select(length => (c.Name, c.Bytes, length))).ToList();
        Assert.True(cases.Count > 1000, $"only {cases.Count} cases");
        // About 14,000 loads: on every core, each case's failures collected apart and reported in order.
        var failures = new List<string>[cases.Count];
        Parallel.For(0, cases.Count, i =>
        {
            var (name, bytes, length) = cases[i];
            failures[i] = [];
            Check(bytes[..length], $"{name} cut at {length}", failures[i]);
        });
        var all = failures.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, $"{all.Count} problems in {cases.Count} truncations:\n{string.Join("\n", all.Take(20))}");
    }

    [Fact]
    public void Random_mutations_of_the_built_in_scenarios_load_or_are_refused_with_problems()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable("ECOSIM_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n : DefaultMutations;
        var mutations = Mutations(count, Seed).ToList();
        var failures = new List<string>[mutations.Count];
        Parallel.For(0, mutations.Count, i =>
        {
            failures[i] = [];
            Check(mutations[i].Bytes, mutations[i].Description, failures[i]);
        });
        var all = failures.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, $"{all.Count} problems in {count} mutations:\n{string.Join("\n", all.Take(20))}");
    }

    [Fact]
    public async Task Mutated_files_given_to_validate_and_run_exit_0_or_2_without_a_stack_trace()
    {
        using var temp = new TempDirectory();
        // A different seed from the in-process sample, and each file under the name of the scenario it came from.
        var sample = Mutations(CliSample, Seed + 1).ToList();
        // Truncations too: one cut inside each built-in scenario.
        var catalogue = Catalogue();
        var random = new Random(Seed + 2);
        sample.AddRange(catalogue.Select(c => ($"{c.Name} cut", c.Bytes[..random.Next(c.Bytes.Length)])));
        var failures = new List<string>();
        for (int i = 0; i < sample.Count; i++)
        {
            var (description, bytes) = sample[i];
            string path = temp[$"case-{i:D3}.yaml"];
            await File.WriteAllBytesAsync(path, bytes);
            var result = await Cli.Run("validate", path);
            if (result.ExitCode is not (0 or 2) || result.Stderr.Contains("   at ", StringComparison.Ordinal))
            {
                failures.Add($"{description}: exit {result.ExitCode}: {result.Stderr.Split('\n')[0]}");
            }
            // Every fourth file through `run` too (tiny, so a file that loads runs in a blink): the same ending, and no output unless it ran.
            if (i % 4 == 0)
            {
                string output = temp[$"out-{i:D3}"];
                var run = await Cli.Run("run", path, "--households", "150", "--years", "1", "--engine", "inprocess", "-q", "--out", output);
                if (run.ExitCode is not (0 or 2) || run.Stderr.Contains("   at ", StringComparison.Ordinal) || (run.ExitCode == 2) == Directory.Exists(output))
                {
                    failures.Add($"{description}: run exit {run.ExitCode}, output {(Directory.Exists(output) ? "written" : "absent")}: {run.Stderr.Split('\n')[0]}");
                }
            }
            else if (result.ExitCode == 2 && !result.StderrLines.All(l => l.StartsWith(path, StringComparison.Ordinal) || l.StartsWith("baseline", StringComparison.Ordinal) || l.StartsWith("multi-level-market", StringComparison.Ordinal)))
            {
                failures.Add($"{description}: a line names no file: {result.StderrLines.First(l => !l.StartsWith(path, StringComparison.Ordinal))}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sample.Count} files failed:\n{string.Join("\n", failures.Take(20))}");
    }

    /// <summary>The outcome must be a loaded scenario or a ScenarioException with one-line problems naming the source.</summary>
    private static void Check(byte[] bytes, string description, List<string> failures)
    {
        const string source = "fuzz/case.yaml";
        try
        {
            ScenarioLoader.Parse(bytes, source);
        }
        catch (ScenarioException e)
        {
            if (e.Problems.Count == 0) failures.Add($"{description}: a ScenarioException without problems");
            foreach (var problem in e.Problems)
            {
                string line = problem.ToString();
                if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
                    failures.Add($"{description}: a problem of several lines: {line.ReplaceLineEndings("\\n")}");
                if (!line.StartsWith(source, StringComparison.Ordinal) && !ScenarioCatalogue.Names.Any(n => line.StartsWith(n, StringComparison.Ordinal)))
                    failures.Add($"{description}: a problem naming no file: {line}");
            }
        }
#pragma warning disable CA1031 // The point of the test: anything else is a failure, recorded with the input that caused it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failures.Add($"{description}: {e.GetType().Name} escaped: {e.ToString().ReplaceLineEndings(" | ")}");
        }
    }

    /// <summary>Deterministic mutations: 1 to 3 edits of a built-in scenario each.</summary>
    private static IEnumerable<(string Description, byte[] Bytes)> Mutations(int count, int seed)
    {
        var catalogue = Catalogue();
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var (name, original) = catalogue[random.Next(catalogue.Count)];
            var bytes = new List<byte>(original);
            var edits = new List<string>();
            int editCount = 1 + random.Next(3);
            for (int j = 0; j < editCount; j++) edits.Add(Mutate(bytes, random));
            yield return ($"#{i} {name}: {string.Join("; ", edits)}", bytes.ToArray());
        }
    }

    private static string Mutate(List<byte> bytes, Random random)
    {
        int at = random.Next(bytes.Count + 1);
        switch (random.Next(9))
        {
            case 0:
                {
                    byte b = (byte)random.Next(256);
                    bytes.Insert(at, b);
                    return $"insert 0x{b:X2} at {at}";
                }
            case 1:
                {
                    if (bytes.Count == 0) return "nothing to delete";
                    at = Math.Min(at, bytes.Count - 1);
                    int length = Math.Min(1 + random.Next(random.Next(2) == 0 ? 4 : 64), bytes.Count - at);
                    bytes.RemoveRange(at, length);
                    return $"delete {length} at {at}";
                }
            case 2:
                {
                    if (bytes.Count == 0) return "nothing to replace";
                    at = Math.Min(at, bytes.Count - 1);
                    byte b = (byte)random.Next(256);
                    bytes[at] = b;
                    return $"replace at {at} with 0x{b:X2}";
                }
            case 3:
            case 4:
                {
                    string token = Tokens[random.Next(Tokens.Length)];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                    return $"insert '{Printable(token)}' at {at}";
                }
            case 5:
                {
                    byte[] raw = RawBytes[random.Next(RawBytes.Length)];
                    bytes.InsertRange(at, raw);
                    return $"insert bytes {Convert.ToHexString(raw)} at {at}";
                }
            case 6:
                {
                    var lines = Lines(bytes);
                    if (lines.Count < 2) return "too few lines to swap";
                    int a = random.Next(lines.Count), b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    SetLines(bytes, lines);
                    return $"swap lines {a + 1} and {b + 1}";
                }
            case 7:
                {
                    // Duplicate a line: a duplicate key where the line is a field.
                    var lines = Lines(bytes);
                    if (lines.Count == 0) return "no line to duplicate";
                    int a = random.Next(lines.Count);
                    lines.Insert(a, lines[a]);
                    SetLines(bytes, lines);
                    return $"duplicate line {a + 1}";
                }
            default:
                {
                    // Indent or unindent a line, with spaces or a tab.
                    var lines = Lines(bytes);
                    if (lines.Count == 0) return "no line to indent";
                    int a = random.Next(lines.Count);
                    string how = random.Next(3) switch { 0 => "\t", 1 => "  ", _ => "" };
                    lines[a] = how.Length > 0 ? [.. Encoding.UTF8.GetBytes(how), .. lines[a]] : lines[a].SkipWhile(c => c == ' ').ToArray();
                    SetLines(bytes, lines);
                    return $"re-indent line {a + 1} with '{Printable(how)}'";
                }
        }
    }

    private static List<byte[]> Lines(List<byte> bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] != '\n') continue;
            lines.Add([.. bytes.GetRange(start, i + 1 - start)]);
            start = i + 1;
        }
        if (start < bytes.Count) lines.Add([.. bytes.GetRange(start, bytes.Count - start), (byte)'\n']);
        return lines;
    }

    private static void SetLines(List<byte> bytes, List<byte[]> lines)
    {
        bytes.Clear();
        foreach (var line in lines) bytes.AddRange(line);
    }

    private static string Printable(string s) =>
        string.Concat((s.Length > 20 ? s[..20] + "..." : s).Select(c => char.IsControl(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
