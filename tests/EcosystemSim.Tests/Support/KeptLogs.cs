using System.Text.RegularExpressions;

namespace EcosystemSim.Tests.Support;

/// <summary>The log a failed command names on its last line, "(details in FILE)".</summary>
internal static partial class KeptLogs
{
    /// <summary>Checks that the log <paramref name="line"/> names holds <paramref name="expected"/>, and removes a copy the command kept in the temporary folder (tests of failures leave nothing there).</summary>
    public static void CheckAndRemove(string line, string expected)
    {
        var details = Details().Match(line);
        Assert.True(details.Success, $"the line names no log: {line}");
        string file = details.Groups["file"].Value;
        string text = File.ReadAllText(file);
        if (file.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && Path.GetFileName(file).StartsWith("ecosim-", StringComparison.Ordinal)) File.Delete(file);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="line"/> names a log.</summary>
    public static bool Names(string line) => Details().IsMatch(line);

    [GeneratedRegex(@"\(details in (?<file>/[^)]+)\)")]
    private static partial Regex Details();
}
