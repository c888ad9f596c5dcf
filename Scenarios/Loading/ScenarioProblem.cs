namespace EcosystemSim.Scenarios.Loading;

/// <summary>One thing wrong with a scenario: where (file, line, column, field) and what.</summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Field, string Message)
{
    /// <summary>One line, as printed on stderr: <c>file:line:column: field: message</c>.</summary>
    public override string ToString()
    {
        string where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Field.Length > 0 ? $"{where}: {Field}: {Message}" : $"{where}: {Message}";
    }
}

/// <summary>Thrown when a scenario cannot be used; carries every problem found.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}
