namespace EcosystemSim.Scenarios.Loading;

/// <summary>"Did you mean" for misspelt field names.</summary>
internal static class Suggestions
{
    public static string UnknownField(string name, IEnumerable<string> known, string what = "field")
    {
        string? best = Closest(name, known);
        return best is null ? $"unknown {what} '{name}'" : $"unknown {what} '{name}' (did you mean '{best}'?)";
    }

    /// <summary>The known name nearest by edit distance, if it is near enough to be a likely typo.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int d = Distance(name, candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
