using System.Diagnostics;
using System.Text.Json;

namespace EcosystemSim.Reports.Output;

/// <summary>
/// What `--force` may replace: only a directory this program wrote (it holds ecosim's manifest.json
/// or a sweep's sweep.json), or an empty one. A user's own directory, a file, or a directory that
/// holds the current one is never replaced or deleted.
/// </summary>
public static class OutputSafety
{
    public const string ManifestFile = "manifest.json";
    public const string SweepFile = "sweep.json";

    /// <summary>Why <paramref name="path"/> may not be replaced, or null when it may (it does not exist, is empty, or is an ecosim output).</summary>
    public static string? WhyNotReplaceable(string path)
    {
        string full = Full(path);
        if (File.Exists(full)) return $"{path} is a file, not an output directory";
        if (!Directory.Exists(full)) return null;
        string here = Full(Directory.GetCurrentDirectory());
        if (here == full || here.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"{path} holds the current directory; --force never replaces it";
        }
        if (IsOutput(full) || !Directory.EnumerateFileSystemEntries(full).Any()) return null;
        return $"{path} exists and is not an EcosystemSim output (no manifest.json or sweep.json written by ecosim); " +
               "--force replaces only this program's outputs: choose another directory";
    }

    /// <summary>
    /// Why an output cannot be written at <paramref name="path"/>, or null when it can: checked before
    /// any work, by writing a probe in the nearest folder that exists.
    /// </summary>
    public static string? WhyNotWritable(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "the path is empty";
        string full;
        try
        {
            full = Full(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{path} is not a usable path ({e.Message})";
        }
        string? folder = Path.GetDirectoryName(full);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder)) return $"{path} lies under {folder}, which is a file";
            folder = Path.GetDirectoryName(folder);
        }
        if (folder is null) return $"{path} has no folder that exists";
        string probe = Path.Combine(folder, $".ecosim-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write in {folder}: {e.Message}";
        }
    }

    /// <summary>Whether a directory holds a manifest or sweep file written by this program.</summary>
    public static bool IsOutput(string directory) =>
        HasKeys(Path.Combine(directory, ManifestFile), "program_version", "files") || HasKeys(Path.Combine(directory, SweepFile), "resolved", "sets");

    /// <summary>
    /// Removes what killed runs left in <paramref name="parent"/> while writing <paramref name="name"/>:
    /// work directories of processes that are gone. An old output a killed commit had moved aside is
    /// put back under its name when nothing has taken its place, never deleted.
    /// </summary>
    public static void CleanLeftovers(string parent, string name)
    {
        if (!Directory.Exists(parent)) return;
        string prefix = $".{name}.partial-";
        foreach (string entry in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            string rest = Path.GetFileName(entry)[prefix.Length..];
            // Exactly the shape RunDirectory makes: PID-GUID (32 hex digits), with .old for an output moved aside.
            var shape = System.Text.RegularExpressions.Regex.Match(rest, @"^(?<pid>[0-9]{1,9})-[0-9a-f]{32}(\.old)?$");
            if (!shape.Success || !int.TryParse(shape.Groups["pid"].Value, out int pid) || Alive(pid)) continue;
            try
            {
                string final = Path.Combine(parent, name);
                bool old = rest.EndsWith(RunDirectory.OldSuffix, StringComparison.Ordinal);
                // An old output whose replacement never arrived goes back under its name; one that was replaced, and any work directory, goes.
                if (old && !Directory.Exists(final) && !File.Exists(final)) Directory.Move(entry, final);
                else Directory.Delete(entry, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: another run may be cleaning the same parent.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool HasKeys(string file, params string[] keys)
    {
        if (!File.Exists(file)) return false;
        try
        {
            using var stream = File.OpenRead(file);
            if (stream.Length > 64 << 20) return false;
            using var json = JsonDocument.Parse(stream);
            return json.RootElement.ValueKind == JsonValueKind.Object && keys.All(k => json.RootElement.TryGetProperty(k, out _));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
