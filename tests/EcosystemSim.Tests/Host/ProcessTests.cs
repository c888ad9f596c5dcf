using System.Diagnostics;
using EcosystemSim.Host.Cli;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>
/// The real ecosim process under Ctrl-C (SIGINT) at any moment once its own code runs (from its first
/// log line: checking input, starting the silo, creating households, stepping years): exit 1, the one
/// line, no error lines, nothing left behind. Before that, while the .NET runtime itself starts (a
/// tenth of a second), the runtime's default applies: exit 130, and nothing has been written.
/// A command that runs out of memory says so in one line (exit 1), with no .NET trace.
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

    [Fact]
    public async Task A_bench_that_runs_out_of_memory_says_so_in_one_line_with_exit_1_and_no_trace()
    {
        if (!OperatingSystem.IsLinux()) return;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        // 64 MiB of heap: 200,000 households' state alone is some 73 MB (docs/performance.md).
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x4000000";
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "bench", "--households", "200000", "--years", "1", "--engines", "inprocess" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The bench's own handler names its details; running out of memory in the last handler leaves none.
        if (lines.Length > 0 && KeptLogs.Names(lines[^1])) KeptLogs.CheckAndRemove(lines[^1], "OutOfMemoryException");

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr}");
        Assert.Empty(await stdout);
        Assert.StartsWith("ecosim: the ", lines[^1]);
        Assert.Contains(ProcessGuard.OutOfMemory, lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains(" ERR]", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failure_is_described_by_its_innermost_exception_the_first_of_an_aggregate_and_running_out_of_memory_by_name()
    {
        Assert.Equal(ProcessGuard.OutOfMemory, ProcessGuard.Describe(new AggregateException(new OutOfMemoryException(), new InvalidOperationException("second"))));
        Assert.Equal("first on one line", ProcessGuard.Describe(new AggregateException(new AggregateException(new IOException("first\non one line")), new OutOfMemoryException())));
        Assert.Equal("outer", ProcessGuard.Describe(new InvalidOperationException("outer")));
        Assert.Equal("inner", ProcessGuard.Describe(new InvalidOperationException("outer", new FormatException("inner"))));
    }
}
