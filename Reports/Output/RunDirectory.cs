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

    /// <summary>Starts a run directory; an existing final directory is an error unless <paramref name="replace"/>.</summary>
    public static RunDirectory Create(string finalPath, bool replace)
    {
        string full = Path.GetFullPath(finalPath).TrimEnd(Path.DirectorySeparatorChar);
        if (!replace && (Directory.Exists(full) || System.IO.File.Exists(full)))
        {
            throw new IOException($"{finalPath} already exists");
        }
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        string work = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        return new RunDirectory(full, work, replace);
    }

    /// <summary>A path inside the work directory.</summary>
    public string File(string relative) => Path.Combine(WorkPath, relative);

    /// <summary>Moves the finished outputs into place (replacing an old directory if allowed).</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(FinalPath))
        {
            if (!Replace) throw new IOException($"{FinalPath} appeared while the run was writing");
            old = WorkPath + ".old";
            Directory.Move(FinalPath, old);
        }
        Directory.Move(WorkPath, FinalPath);
        _committed = true;
        if (old is not null) Directory.Delete(old, recursive: true);
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
            catch (IOException)
            {
                // Best effort: a hidden .partial directory is all that can remain.
            }
        }
    }
}
