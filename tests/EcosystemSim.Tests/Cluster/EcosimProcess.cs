using System.Diagnostics;

namespace EcosystemSim.Tests.Cluster;

/// <summary>
/// A real ecosim process run to its end: what a user sees on the terminal, every line of stderr
/// included (the runtime's and the libraries' as well as the command's), and how long it took.
/// </summary>
internal static class EcosimProcess
{
    public sealed record Result(int ExitCode, string Stdout, string[] StderrLines, TimeSpan Elapsed);

    /// <summary>Runs `ecosim ARGS` in <paramref name="workingDirectory"/>; killed (and the test failed) after <paramref name="limit"/>.</summary>
    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (string arg in args.Prepend(Path.Combine(AppContext.BaseDirectory, "ecosim.dll"))) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"ecosim {string.Join(' ', args)} did not end within {limit.TotalSeconds:0} s: {await stderr}");
        }
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new Result(process.ExitCode, await stdout, lines, clock.Elapsed);
    }
}
