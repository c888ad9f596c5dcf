using System.Diagnostics;
using System.Net.Http.Headers;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// A real `ecosim serve` process on a free loopback port (the built ecosim.dll beside the tests):
/// its address and token from the first line it prints, a client that sends the token, and Ctrl-C
/// (SIGINT) to stop it when disposed.
/// </summary>
public sealed class LabServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private LabServer(Process process, Uri address, string token, Task<string> stderr)
    {
        _process = process;
        Address = address;
        Token = token;
        _stderr = stderr;
        Client = new HttpClient { BaseAddress = new Uri(address.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The page's address as printed, token included.</summary>
    public Uri Address { get; }

    public string Token { get; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri Root => Client.BaseAddress!;

    /// <summary>A client that sends the token on every call.</summary>
    public HttpClient Client { get; }

    /// <summary>What the server printed on stderr so far (complete once disposed).</summary>
    public string Stderr => _stderr.IsCompleted ? _stderr.Result : "";

    /// <summary>Starts the server with the given extra options and waits for its address line.</summary>
    public static async Task<LabServer> StartAsync(params string[] options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "serve", "--port", "0" }.Concat(options)) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var line = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(60))) != line || line.Result is null)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"ecosim serve printed no address: {await stderr}");
        }
        var address = new Uri(line.Result.Trim());
        string token = System.Web.HttpUtility.ParseQueryString(address.Query)["token"]
                       ?? throw new InvalidOperationException($"no token in '{line.Result}'");
        _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
        return new LabServer(process, address, token, stderr);
    }

    /// <summary>Ctrl-C, then the exit code (killed after 30 s).</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 2); // SIGINT, as Ctrl-C sends
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        await _stderr;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        _process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
