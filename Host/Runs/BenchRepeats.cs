using System.Globalization;
using System.Text;
using System.Text.Json;
using EcosystemSim.Engine.Experiments;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// `ecosim bench --repeat N`: these machines are noisy, so every figure is measured N times (the
/// engines side by side in each repeat) and reported as the median with its range (issue 18).
/// </summary>
public static class BenchRepeats
{
    /// <summary>
    /// One JSON object: each number is the median over the repeats, with "NAME_range": [lowest,
    /// highest] beside every figure that varied; "repeat" says how many there were.
    /// </summary>
    public static string Json(IReadOnlyList<IReadOnlyList<EngineMeasurement>> repeats,
        Func<IReadOnlyList<EngineMeasurement>, Dictionary<string, object?>> figures)
    {
        var all = repeats.Select(figures).ToArray();
        var json = new Dictionary<string, object?> { ["repeat"] = repeats.Count };
        foreach (var (name, value) in all[0])
        {
            var values = Numbers(all, name);
            if (values is null || values.Min() == values.Max())
            {
                json[name] = value;
                continue;
            }
            json[name] = Math.Round(Median(values), 3);
            json[name + "_range"] = new[] { values.Min(), values.Max() };
        }
        return JsonSerializer.Serialize(json) + "\n";
    }

    /// <summary>Each repeat's table, then the medians and ranges of the figures that varied.</summary>
    public static string Table(IReadOnlyList<IReadOnlyList<EngineMeasurement>> repeats,
        Func<IReadOnlyList<EngineMeasurement>, string> table, Func<IReadOnlyList<EngineMeasurement>, Dictionary<string, object?>> figures)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        for (int r = 0; r < repeats.Count; r++) sb.Append(c, $"repeat {r + 1} of {repeats.Count}\n").Append(table(repeats[r])).Append('\n');
        var all = repeats.Select(figures).ToArray();
        sb.Append(c, $"median (lowest to highest) over {repeats.Count} repeats\n");
        foreach (string name in all[0].Keys)
        {
            var values = Numbers(all, name);
            if (values is null || values.Min() == values.Max()) continue;
            sb.Append(c, $"{name,-40} {Median(values),12:G6}  ({values.Min():G6} to {values.Max():G6})\n");
        }
        return sb.ToString();
    }

    /// <summary>The median: the middle value, or the mean of the two middle values.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>A figure's values over the repeats, or null when it is not a number in every one.</summary>
    private static double[]? Numbers(IReadOnlyList<Dictionary<string, object?>> all, string name)
    {
        var values = new double[all.Count];
        for (int i = 0; i < all.Count; i++)
        {
            switch (all[i].GetValueOrDefault(name))
            {
                case double d: values[i] = d; break;
                case int k: values[i] = k; break;
                case long k: values[i] = k; break;
                default: return null;
            }
        }
        return values;
    }
}
