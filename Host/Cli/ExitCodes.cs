namespace EcosystemSim.Host.Cli;

/// <summary>Exit codes (OUTPUTS.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run itself failed (or was interrupted).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad input: a scenario or an argument.</summary>
    public const int BadInput = 2;
}

/// <summary>Bad input found by a command (not by the parser): one line for stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
