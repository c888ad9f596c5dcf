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

    private static Task<string> InstallAsync() => DebianPackage.InstallAsync("chromium", Find, "the browser tests");
}
