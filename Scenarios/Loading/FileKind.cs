using System.Runtime.InteropServices;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// What kind of file a path names, from the file system's own record (stat(2), following links).
/// .NET does not say whether a path is a FIFO or a device; opening a FIFO to find out would block.
/// </summary>
internal static partial class FileKind
{
    private const int TypeMask = 0xF000; // S_IFMT
    private const int Regular = 0x8000;  // S_IFREG

    /// <summary>Whether the path is a regular file; true where the system cannot say (the read is still bounded).</summary>
    public static bool IsRegular(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        // struct stat's st_mode sits after st_dev, st_ino (and, on x86-64, st_nlink): glibc's layouts for the two architectures .NET runs on here.
        int offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (offset < 0) return true;
        var buffer = new byte[256];
        try
        {
            if (Native.Stat(path, buffer) != 0) return true; // missing or unreadable: the read says why
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return true; // a C library without stat as a symbol (glibc before 2.33): the read is still bounded
        }
        return (BitConverter.ToInt32(buffer, offset) & TypeMask) == Regular;
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "stat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
    }
}
