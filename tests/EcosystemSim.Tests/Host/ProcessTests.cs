using System.Diagnostics;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>
/// The real ecosim process under Ctrl-C (SIGINT) at any moment once its own code runs (from its first
/// log line: checking input, starting the silo, creating households, stepping years): exit 1, the one
/// line, no error lines, nothing left behind. Before that, while the .NET runtime itself starts (a
/// tenth of a second), the runtime's default applies: exit 130, and nothing has been written.
/// </summary>
public class ProcessTests
{
    public static TheoryData<int> Moments() => [0, 300, 1500, 4000];

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task Ctrl_c_at_any_moment_ends_with_one_line_exit_1_and_no_output(int millisecondsAfterStart)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = temp.Path };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "run", "baseline", "--households", "20000", "--years", "30", "--out", "o" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var first = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            first.TrySetResult();
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await first.Task.WaitAsync(timeout.Token);
        await Task.Delay(millisecondsAfterStart, timeout.Token);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // drains the redirected stream
        string text;
        lock (lines) text = string.Join('\n', lines);
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {text}");
        Assert.Equal("ecosim: interrupted; no output directory was written", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" WRN]", StringComparison.Ordinal) || l.StartsWith("   at ", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
