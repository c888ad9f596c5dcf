using EcosystemSim.Host.Cli;

namespace EcosystemSim.Tests.Support;

/// <summary>Runs the ecosim command line in this process and captures what it prints.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Task<Result> Run(params string[] args) => Run(args, CancellationToken.None);

    /// <summary>
    /// Runs a command that must be refused as bad input: exit code 2, one line on stderr starting with
    /// <paramref name="lineStart"/>, and nothing at <paramref name="output"/>. Returns the line.
    /// </summary>
    public static async Task<string> Refuses(string[] args, string lineStart, string output)
    {
        var result = await Run(args);
        Xunit.Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        string line = Xunit.Assert.Single(result.StderrLines);
        Xunit.Assert.StartsWith(lineStart, line, StringComparison.Ordinal);
        Xunit.Assert.False(Directory.Exists(output) || File.Exists(output), $"{output} was written");
        return line;
    }

    public static async Task<Result> Run(string[] args, CancellationToken cancellationToken)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = await EcosimCli.RunAsync(args, stdout, stderr, cancellationToken);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}
