using System.Diagnostics;
using System.Text;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// A real `ecosim silo` process (the built ecosim.dll beside the tests) joined to a cluster: started,
/// its `ready` line awaited, and stopped with Ctrl-C (SIGINT), then killed if it hangs. Tethered to
/// the test host (<see cref="Tethered"/>): a host that ends without stopping it (a timeout, a kill)
/// still sends it Ctrl-C, so no silo outlives a test run.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    /// <summary>How long joining may take: 1.3-5 s alone (ORLEANS-NOTES.md); the whole suite runs beside it on two cores.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    /// <summary>How long leaving may take before the process is killed: the silo's own limit is 30 s.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(40);

    private readonly Process _process;
    private readonly StringBuilder _stderr;
    private readonly Task _stderrDone;

    private SiloProcess(Process process, string ready, StringBuilder stderr, Task stderrDone)
    {
        _process = process;
        ReadyLine = ready;
        _stderr = stderr;
        _stderrDone = stderrDone;
    }

    /// <summary>The line the silo printed once it had joined.</summary>
    public string ReadyLine { get; }

    /// <summary>What the silo logged on stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts `ecosim silo --cluster URL` with the given extra options and waits for its ready line.</summary>
    public static async Task<SiloProcess> StartAsync(string cluster, params string[] options)
    {
        var start = Tethered(SigInt, ["dotnet", Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "silo", "--cluster", cluster, .. options]);
        var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        var stderrDone = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (stderr) stderr.AppendLine(line);
            }
        });
        var line = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(line, Task.Delay(ReadyTimeout)) != line || line.Result is not { } ready || !ready.Contains("ready", StringComparison.Ordinal))
        {
            await StopAsync(process, SigInt, TimeSpan.FromSeconds(10));
            await stderrDone;
            string said = line.IsCompleted ? line.Result ?? "nothing" : "nothing";
            throw new InvalidOperationException($"ecosim silo did not say ready within {ReadyTimeout.TotalSeconds:0} s (stdout: {said}); stderr: {stderr}");
        }
        _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
        return new SiloProcess(process, ready, stderr, stderrDone);
    }

    /// <summary>
    /// Starts <paramref name="count"/> silos half a second apart (silos joining at the same instant
    /// take longer to agree) and waits for all; if one fails, the others are stopped before the error.
    /// </summary>
    public static async Task<SiloProcess[]> StartManyAsync(string cluster, int count)
    {
        var starting = new List<Task<SiloProcess>>();
        for (int i = 0; i < count; i++)
        {
            if (i > 0) await Task.Delay(TimeSpan.FromMilliseconds(500));
            starting.Add(StartAsync(cluster));
        }
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var silo in starting.Where(t => t.IsCompletedSuccessfully)) await silo.Result.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ctrl-C, then the exit code (killed after <see cref="StopTimeout"/>).</summary>
    public async Task<int> StopAsync()
    {
        await StopAsync(_process, SigInt, StopTimeout);
        await _stderrDone;
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a machine lost without a goodbye: the silo ends at once and stays in the membership table until the others vote it dead.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.StandardInput.Close();
        await _stderrDone;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>
    /// How to start <paramref name="command"/> so that it cannot outlive the test host: a watcher
    /// beside it reads the standard input the host holds open and, when that closes (the host ended,
    /// even killed), sends <paramref name="signal"/>. The command replaces the shell (exec), so the
    /// process's id is the command's own and signals reach it directly.
    /// </summary>
    public static ProcessStartInfo Tethered(int signal, IEnumerable<string> command)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("-c");
        // A background job's standard input would be /dev/null: the watcher reads the host's pipe through fd 3.
        start.ArgumentList.Add($"exec 3<&0; (read -r _ <&3; kill -{signal} $$ 2>/dev/null) & exec \"$@\" 3<&-");
        start.ArgumentList.Add("ecosim-test");
        foreach (string arg in command) start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>Sends <paramref name="signal"/> and waits for the exit; kills the process tree after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(Process process, int signal, TimeSpan grace)
    {
        await SignalAndWaitAsync(process, signal, grace);
        // Releases the watcher (Tethered), which would otherwise wait for the host to end.
        if (process.StartInfo.RedirectStandardInput) process.StandardInput.Close();
    }

    private static async Task SignalAndWaitAsync(Process process, int signal, TimeSpan grace)
    {
        if (process.HasExited) return;
        _ = Kill(process.Id, signal);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
