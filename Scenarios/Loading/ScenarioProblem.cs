using System.Globalization;
using System.Text;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>One thing wrong with a scenario: where (file, line, column, field) and what.</summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Field, string Message)
{
    /// <summary>
    /// One line, as printed on stderr: <c>file:line:column: field: message</c>. Control characters
    /// quoted from the file (a NUL, an escape sequence, a line break) are written as <c>\uXXXX</c>, so
    /// that a problem is always one line and never drives the terminal.
    /// </summary>
    public override string ToString()
    {
        string where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Printable(Field.Length > 0 ? $"{where}: {Field}: {Message}" : $"{where}: {Message}");
    }

    /// <summary>The text with every control character (C0, DEL, C1) and line or paragraph separator written as <c>\uXXXX</c>.</summary>
    internal static string Printable(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (NeedsEscape(c)) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}

/// <summary>Thrown when a scenario cannot be used; carries every problem found.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}
