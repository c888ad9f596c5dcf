using EcosystemSim.Reports.Output;

namespace EcosystemSim.Host.Cli;

/// <summary>A markdown page a command generates (docs/calibration.md, docs/validation.md): where it may go, and writing it whole.</summary>
public static class GeneratedPage
{
    /// <summary>
    /// Why the page cannot go to <paramref name="path"/>: not writable, a directory, or a file that does
    /// not start with the page's <paramref name="title"/> (one <paramref name="command"/> did not write).
    /// </summary>
    public static string? WhyNotWritable(string path, string title, string command)
    {
        if (OutputSafety.WhyNotWritable(path) is { } refused) return refused;
        if (Directory.Exists(path)) return $"{path} is a directory; give a file name";
        if (File.Exists(path) && File.ReadLines(path).FirstOrDefault()?.StartsWith(title, StringComparison.Ordinal) != true)
        {
            return $"{path} exists and was not written by ecosim {command}; choose another file";
        }
        return null;
    }

    /// <summary>Writes the page beside its path under a name of this program's own, then renames it over the old page.</summary>
    public static async Task WriteAsync(string path, string markdown, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(temp, markdown, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
