using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace EcosystemSim.Scenarios;

/// <summary>The built-in scenarios, carried in this assembly (the *.yaml files of the Scenarios folder).</summary>
public static class ScenarioCatalogue
{
    private const string Prefix = "EcosystemSim.Scenarios.Catalogue.";
    private static readonly Assembly Assembly = typeof(ScenarioCatalogue).Assembly;

    /// <summary>Built-in names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The bytes of a built-in scenario by name (with or without .yaml).</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        string key = name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^5] : name;
        if (!Names.Contains(key, StringComparer.Ordinal)) return false;
        using var stream = Assembly.GetManifestResourceStream(Prefix + key + ".yaml")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        bytes = buffer.ToArray();
        return true;
    }
}
