using System.Reflection;

namespace EcosystemSim.Host.Runs;

/// <summary>The program's version and the git commit it was built from (the SDK stamps it after a '+').</summary>
public static class ProgramInfo
{
    private static readonly string Informational =
        typeof(ProgramInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Version => Informational.Split('+')[0];

    public static string Commit => Informational.Contains('+', StringComparison.Ordinal) ? Informational.Split('+')[1] : "unknown";
}
