using System.CommandLine;

namespace EcosystemSim.Host.Cli;

/// <summary>
/// The `ecosim` command line. Parse errors and bad input give exit code 2 and one line each on
/// stderr; a failed run gives 1; success 0.
/// </summary>
public static class EcosimCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("EcosystemSim: an agent-based simulation of China's multi-level rural social security system.")
        {
            RunCommand.Create(stdout, stderr, args),
            CompareCommand.Create(stdout, stderr, args),
            SweepCommand.Create(stdout, stderr, args),
            SolveCommand.Create(stdout, stderr, args),
            SensitivityCommand.Create(stdout, stderr, args),
            ValidateCommand.Create(stdout, stderr),
            ListCommand.Create(stdout, stderr),
            CalibrateCommand.Create(stdout, stderr),
            BacktestCommand.Create(stdout, stderr),
            BenchCommand.Create(stdout, stderr),
            ServeCommand.Create(stdout, stderr),
            ResumeCommand.Create(stdout, stderr, args),
            SiloCommand.Create(stdout, stderr),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The first error is the cause; later ones usually follow from it (an unknown option's value, say).
            string message = ParseMessages.Plain(ProcessGuard.OneLine(parse.Errors[0].Message));
            await stderr.WriteLineAsync($"ecosim: {message} (see 'ecosim --help')");
            return ExitCodes.BadInput;
        }
        // The process's own guard (ProcessGuard) turns Ctrl-C into cancellation; the parser's handler would exit 130 instead.
        var configuration = new InvocationConfiguration
        {
            Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("ecosim: interrupted");
            return ExitCodes.RunFailed;
        }
        catch (Exception e)
        {
            // Commands report their own failures; this is for what escapes them.
            await stderr.WriteLineAsync($"ecosim: the command failed: {ProcessGuard.Describe(e)}");
            return ExitCodes.RunFailed;
        }
    }
}
