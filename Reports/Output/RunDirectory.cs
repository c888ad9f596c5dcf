namespace EcosystemSim.Reports.Output;

/// <summary>
/// A run's output directory, written under a hidden temporary sibling and renamed into place
/// only when complete, so that a failed or interrupted run never leaves a half-written directory
/// under the name the user gave.
/// </summary>
public sealed class RunDirectory : IDisposable
{
    private bool _committed;

    private RunDirectory(string finalPath, string workPath, bool replace)
    {
        FinalPath = finalPath;
        WorkPath = workPath;
        Replace = replace;
    }

    /// <summary>Where the outputs end up.</summary>
    public string FinalPath { get; }

    /// <summary>Where they are written meanwhile.</summary>
    public string WorkPath { get; }

    /// <summary>Whether an existing directory at the final path is replaced on commit.</summary>
    public bool Replace { get; }

    /// <summary>Suffix of an old output moved aside while its replacement is renamed into place.</summary>
    public const string OldSuffix = ".old";

    /// <summary>
    /// Starts a run directory; an existing final directory is an error unless <paramref name="replace"/>,
    /// and even then only an output of this program (<see cref="OutputSafety.WhyNotReplaceable"/>) may be
    /// replaced. Leftovers of killed runs into the same name are cleaned first.
    /// </summary>
    public static RunDirectory Create(string finalPath, bool replace)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        string parent = Path.GetDirectoryName(full)!;
        // First, so that an old output a killed commit had moved aside is back before its name is checked.
        OutputSafety.CleanLeftovers(parent, Path.GetFileName(full));
        if (!replace && (Directory.Exists(full) || System.IO.File.Exists(full)))
        {
            throw new IOException($"{finalPath} already exists");
        }
        if (replace && OutputSafety.WhyNotReplaceable(finalPath) is { } refused) throw new IOException(refused);
        Directory.CreateDirectory(parent);
        string work = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        return new RunDirectory(full, work, replace);
    }

    /// <summary>A path inside the work directory.</summary>
    public string File(string relative) => Path.Combine(WorkPath, relative);

    /// <summary>How a directory is renamed (tests make it fail).</summary>
    internal Action<string, string> Move { get; set; } = Directory.Move;

    /// <summary>
    /// Moves the finished outputs into place. An old output being replaced keeps its name until the
    /// new one is complete; it is moved aside only for the final rename, and moved back if that fails.
    /// </summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(FinalPath))
        {
            if (!Replace) throw new IOException($"{FinalPath} appeared while the run was writing");
            if (OutputSafety.WhyNotReplaceable(FinalPath) is { } refused) throw new IOException(refused);
            old = WorkPath + OldSuffix;
            Move(FinalPath, old);
        }
        try
        {
            Move(WorkPath, FinalPath);
        }
        catch when (old is not null)
        {
            Directory.Move(old, FinalPath);
            throw;
        }
        _committed = true;
        if (old is null) return;
        try
        {
            Directory.Delete(old, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The new output is in place; what is left of the old one is removed by the next run here.
        }
    }

    /// <summary>Removes the work directory unless the run was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(WorkPath))
        {
            try
            {
                Directory.Delete(WorkPath, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a hidden .partial directory is all that can remain.
            }
        }
    }
}
