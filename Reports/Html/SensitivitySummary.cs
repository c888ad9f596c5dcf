using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace EcosystemSim.Reports.Html;

/// <summary>
/// What a report says of a sensitivity analysis of its scenario (`run` or `compare` with
/// `--sensitivity DIR`, DIR the output of `ecosim sensitivity`): the parameters that drive each of
/// its metrics most, by mu* (Morris) or the total index (Sobol), and a link to its files. It tells a
/// reader how far the intervals, which are simulation noise at the scenario's parameters, understate
/// what is not known.
/// </summary>
/// <param name="Directory">The sensitivity output's directory (full path).</param>
/// <param name="Scenario">The scenario it analysed.</param>
/// <param name="Method">morris or sobol.</param>
/// <param name="Drivers">For each metric (with its year and scope), its leading parameters and their index, largest first.</param>
public sealed record SensitivitySummary(string Directory, string Scenario, string Method, IReadOnlyList<(string Metric, int Year, string Scope, IReadOnlyList<(string Parameter, double Index)> Top)> Drivers)
{
    /// <summary>Parameters named per metric.</summary>
    public const int Leading = 3;

    /// <summary>
    /// Reads DIR/manifest.json and DIR/sensitivity.csv. A directory that is not a finished sensitivity
    /// output is an <see cref="InvalidDataException"/> whose message says why, in a few words.
    /// </summary>
    public static SensitivitySummary Load(string directory)
    {
        try
        {
            return Read(directory);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{directory} holds a damaged sensitivity output ({e.Message})");
        }
    }

    private static SensitivitySummary Read(string directory)
    {
        string full = Path.GetFullPath(directory);
        string manifestPath = Path.Combine(full, "manifest.json"), table = Path.Combine(full, "sensitivity.csv");
        if (!File.Exists(manifestPath) || !File.Exists(table)) throw new InvalidDataException($"{directory} is not the output of ecosim sensitivity (no manifest.json and sensitivity.csv)");
        JsonNode? manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(manifestPath));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{manifestPath} is not valid JSON ({e.Message})");
        }
        if ((string?)manifest?["kind"] != "sensitivity") throw new InvalidDataException($"{manifestPath} is not the manifest of ecosim sensitivity");
        string method = (string?)manifest["method"] ?? "";
        string headline = method == "sobol" ? "total" : "mu_star";
        var rows = File.ReadLines(table).Skip(1).Select(l => l.Split(',')).Where(f => f.Length == 9 && f[5] == headline)
            .Select(f => (Parameter: f[0], Metric: f[1], Year: int.Parse(f[2], CultureInfo.InvariantCulture), Scope: f[3], Value: double.Parse(f[6], CultureInfo.InvariantCulture)))
            .ToArray();
        var drivers = rows.GroupBy(r => (r.Metric, r.Year, r.Scope))
            .Select(g => (g.Key.Metric, g.Key.Year, g.Key.Scope,
                (IReadOnlyList<(string, double)>)g.Where(r => double.IsFinite(r.Value)).OrderByDescending(r => r.Value).Take(Leading).Select(r => (r.Parameter, r.Value)).ToArray()))
            .ToArray();
        return new SensitivitySummary(full, (string?)manifest["scenario"] ?? "", method, drivers);
    }

    /// <summary>The paragraph for a report written into <paramref name="reportDirectory"/> (the link is relative to it).</summary>
    public string Html(string reportDirectory)
    {
        string link = Path.GetRelativePath(Path.GetFullPath(reportDirectory), Directory).Replace('\\', '/');
        string index = Method == "sobol" ? "total Sobol index" : "Morris mu*";
        var parts = Drivers.Select(d => $"{d.Metric} ({d.Scope}, {d.Year}): " +
            (d.Top.Count == 0 ? "no parameter moves it" : string.Join(", ", d.Top.Select(t => $"{t.Parameter} ({t.Index.ToString("G3", CultureInfo.InvariantCulture)})"))));
        return "<p class=\"meta\">" + WebUtility.HtmlEncode($"A sensitivity analysis of {Scenario} over the uncertainty ranges of its assumed parameters ({Method}; by {index}) finds the results driven most by: {string.Join("; ", parts)}. ") +
               "Its files: <a href=\"" + WebUtility.HtmlEncode(link) + "/sensitivity.csv\">" + WebUtility.HtmlEncode(link) + "/sensitivity.csv</a>.</p>\n";
    }
}
