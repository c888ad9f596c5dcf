using System.Diagnostics;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>
/// Issue 12 item 3: a disk that fills while outputs are written (plots through Skia, CSV, the log) ends
/// run, compare and sweep with exit 1 and one line, and leaves no partial directory to keep it full.
/// The disk is a 300 KB tmpfs mounted for the test (the test machines run as root).
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TempDirectory _mount = new();

    public DiskFullTests()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var mount = Process.Start("mount", ["-t", "tmpfs", "-o", "size=300k", "tmpfs", _mount.Path])!;
        mount.WaitForExit();
        Assert.True(mount.ExitCode == 0, "mounting a small tmpfs needs root (as on the project's machines and CI)");
    }

    public static TheoryData<string[]> Commands() =>
    [
        ["run", "baseline"],
        ["compare", "baseline", "premium-spiral"],
        ["sweep", "baseline", "--set", "pension.vesting_years=10,15"],
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_full_disk_ends_the_command_with_one_line_and_no_partial_output(string[] command)
    {
        if (!OperatingSystem.IsLinux()) return;
        string output = Path.Combine(_mount.Path, "o");
        var result = await Cli.Run([.. command, "--households", "300", "--years", "3", "--engine", "inprocess", "-q", "--out", output]);
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Contains("failed", line, StringComparison.Ordinal);
        Assert.Contains("the disk is full", line, StringComparison.Ordinal);
        // The log on the full disk is empty: the one the line names holds the failure instead.
        if (command[0] != "sweep") KeptLogs.CheckAndRemove(line, "No space left");
        Assert.Empty(Directory.GetDirectories(_mount.Path, ".*", SearchOption.AllDirectories));
        if (command[0] == "sweep") Assert.Empty(Directory.GetDirectories(Path.Combine(output, "points")));
        else Assert.Empty(Directory.GetFileSystemEntries(_mount.Path));
    }

    public void Dispose()
    {
        if (OperatingSystem.IsLinux())
        {
            using var umount = Process.Start("umount", [_mount.Path])!;
            umount.WaitForExit();
        }
        _mount.Dispose();
    }
}
