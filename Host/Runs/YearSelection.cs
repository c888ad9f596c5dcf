using System.Globalization;
using EcosystemSim.Host.Cli;

namespace EcosystemSim.Host.Runs;

/// <summary>A set of simulated years given on the command line: 2021,2030 or 2025-2030 or first, last, all.</summary>
public static class YearSelection
{
    /// <summary>The years selected, in order; a <see cref="UsageException"/> names the option and the problem.</summary>
    public static IReadOnlyList<int> Parse(string option, string text, int startYear, int endYear)
    {
        var years = new SortedSet<int>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0) throw new UsageException($"{option}: an empty item in '{text}'");
            switch (raw)
            {
                case "all":
                    for (int y = startYear; y <= endYear; y++) years.Add(y);
                    continue;
                case "first":
                    years.Add(startYear);
                    continue;
                case "last":
                    years.Add(endYear);
                    continue;
            }
            int dash = raw.IndexOf('-', 1);
            int from = Year(option, dash < 0 ? raw : raw[..dash]);
            int to = dash < 0 ? from : Year(option, raw[(dash + 1)..]);
            if (to < from) throw new UsageException($"{option}: the range {raw} runs backwards");
            foreach (int y in new[] { from, to })
            {
                if (y < startYear || y > endYear) throw new UsageException($"{option}: {y} is outside the run ({startYear}-{endYear})");
            }
            for (int y = from; y <= to; y++) years.Add(y);
        }
        return [.. years];
    }

    private static int Year(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            ? year
            : throw new UsageException($"{option}: '{text}' is not a year (expected years such as 2021,2030, a range such as 2025-2030, first, last or all)");
}
