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

    public static async Task<Result> Run(string[] args, CancellationToken cancellationToken)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = await EcosimCli.RunAsync(args, stdout, stderr, cancellationToken);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}
