using System.Globalization;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Reports.Output;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Host.Runs;

/// <summary>
/// Household dumps asked for on the command line: the years (--dump-households), the replications
/// (--dump-replications, 0 by default) and the format (--format csv|parquet). Each finished year of a
/// chosen replication is written as it comes (<see cref="Write"/>), and the files written are listed
/// for the manifest.
/// </summary>
public sealed class HouseholdDumps
{
    private readonly List<string> _written = [];

    private HouseholdDumps(IReadOnlyList<int> years, IReadOnlySet<int> replications, bool parquet)
    {
        Years = years;
        Replications = replications;
        Parquet = parquet;
    }

    public IReadOnlyList<int> Years { get; }

    public IReadOnlySet<int> Replications { get; }

    /// <summary>Whether dumps are Parquet files rather than CSV.</summary>
    public bool Parquet { get; }

    /// <summary>The dumps the request asks for of a scenario's run, or null for none; bad values are a <see cref="UsageException"/>.</summary>
    public static HouseholdDumps? Parse(RunRequest request, Scenario scenario)
    {
        bool parquet = request.DumpFormat switch
        {
            null or "csv" => false,
            "parquet" => true,
            { } other => throw new UsageException($"--format: '{other}' is not csv or parquet"),
        };
        if (request.DumpHouseholds is not { } text)
        {
            if (request.DumpReplications is not null) throw new UsageException("--dump-replications needs --dump-households YEARS");
            if (request.DumpFormat is not null) throw new UsageException("--format needs --dump-households YEARS (it is the format of the household dumps)");
            return null;
        }
        var years = YearSelection.Parse("--dump-households", text, scenario.StartYear, scenario.EndYear);
        return new HouseholdDumps(years, ReplicationsOf(request.DumpReplications, scenario), parquet);
    }

    private static HashSet<int> ReplicationsOf(string? text, Scenario scenario)
    {
        if (text is null) return [0];
        if (text.Trim() == "all") return [.. Enumerable.Range(0, scenario.Replications)];
        var replications = new HashSet<int>();
        foreach (string part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int r) || r >= scenario.Replications)
            {
                throw new UsageException($"--dump-replications: '{part.Trim()}' is not a replication of this run (0 to {scenario.Replications - 1}) or all");
            }
            replications.Add(r);
        }
        return replications;
    }

    /// <summary>
    /// Writes a finished year into <paramref name="directory"/> if it is one of the dumps, and notes its
    /// name (relative to the run directory, with <paramref name="prefix"/> before it in the list).
    /// </summary>
    public void Write(YearDone done, string directory, string prefix = "")
    {
        if (!Replications.Contains(done.Replication) || !Years.Contains(done.Records.Year)) return;
        Directory.CreateDirectory(directory);
        string file;
        if (Parquet)
        {
            file = HouseholdsParquet.FileName(done.Records.Year, done.Replication);
            HouseholdsParquet.Write(done.Records, Path.Combine(directory, file), done.PriceLevel);
        }
        else
        {
            file = HouseholdsCsv.FileName(done.Records.Year, done.Replication);
            HouseholdsCsv.Write(done.Records, Path.Combine(directory, file), done.PriceLevel);
        }
        lock (_written) _written.Add(prefix + file);
    }

    /// <summary>The files written so far whose listed name starts with <paramref name="prefix"/>, in name order, without it.</summary>
    public IReadOnlyList<string> Written(string prefix = "")
    {
        lock (_written)
        {
            return _written.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f[prefix.Length..]).Order(StringComparer.Ordinal).ToArray();
        }
    }
}
