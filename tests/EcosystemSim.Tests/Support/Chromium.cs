using System.Diagnostics;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// Debian's chromium for the browser tests (Playwright cannot download its own browsers here). The
/// README's `dotnet test` does all set-up: when chromium is missing it is installed with apt-get,
/// as `.ci/run` does, once per test run; when that is impossible the test fails saying so.
/// </summary>
public static class Chromium
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _path;

    /// <summary>The browser's executable, installed first if need be.</summary>
    public static async Task<string> PathAsync()
    {
        await Once.WaitAsync();
        try
        {
            return _path ??= Find() ?? await InstallAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private static string? Find() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium" }.FirstOrDefault(File.Exists);

    private static async Task<string> InstallAsync()
    {
        string sudo = Environment.UserName == "root" ? "" : "sudo -n ";
        string command = $"{sudo}apt-get install -y -qq chromium || ({sudo}apt-get update -qq && {sudo}apt-get install -y -qq chromium)";
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        return Find() ?? throw new InvalidOperationException(
            $"the browser tests need Debian's chromium and it could not be installed (apt-get exit {process.ExitCode}: {error.Trim()}); install it with 'apt-get install chromium' (.ci/run does)");
    }
}
