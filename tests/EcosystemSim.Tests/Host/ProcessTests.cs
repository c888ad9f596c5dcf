using System.Diagnostics;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>The real ecosim process under Ctrl-C (SIGINT): at any moment, exit 1, one line, nothing left behind.</summary>
public class ProcessTests
{
    public static TheoryData<int> Moments() => [100, 700, 1500, 4000];

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task Ctrl_c_at_any_moment_ends_with_one_line_exit_1_and_no_output(int milliseconds)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = temp.Path,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "run", "baseline", "--households", "20000", "--years", "30", "--out", "o", "-q" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await Task.Delay(milliseconds);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        string text = await stderr;
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {text}");
        Assert.Equal("ecosim: interrupted; no output directory was written", text.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
