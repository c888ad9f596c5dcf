using System.Diagnostics;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// A Debian package a test needs (chromium, redis-server), installed with apt-get when it is missing,
/// as `.ci/run` does, so that the README's `dotnet test` does all set-up; when that is impossible
/// the test fails saying so.
/// </summary>
internal static class DebianPackage
{
    /// <summary>Installs <paramref name="package"/> and returns the program <paramref name="find"/> finds afterwards.</summary>
    public static async Task<string> InstallAsync(string package, Func<string?> find, string needs)
    {
        string sudo = Environment.UserName == "root" ? "" : "sudo -n ";
        string command = $"{sudo}apt-get install -y -qq {package} || ({sudo}apt-get update -qq && {sudo}apt-get install -y -qq {package})";
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        return find() ?? throw new InvalidOperationException(
            $"{needs} need Debian's {package} and it could not be installed (apt-get exit {process.ExitCode}: {error.Trim()}); install it with 'apt-get install {package}' (.ci/run does)");
    }
}
