namespace EcosystemSim.Reports.Metrics;

/// <summary>A read-only list made of arrays end to end, which hands out the arrays so that they can be read in place.</summary>
public interface IChunkedList<T> : IReadOnlyList<T>
{
    /// <summary>The arrays, in order: together, the list. Read them; never write them.</summary>
    IReadOnlyList<T[]> Chunks { get; }
}

/// <summary>
/// A year's records read in place: the arrays a list is made of, so that a metric's pass over the
/// households reads each record where it lies (by reference) instead of copying it out of an
/// enumerator (a record is a few hundred bytes, and every year is read by a dozen passes).
/// </summary>
public static class RecordChunks
{
    /// <summary>The arrays of <paramref name="list"/>, in order: its own when it has them, else one copy of it.</summary>
    public static IReadOnlyList<T[]> Of<T>(IReadOnlyList<T> list) => list switch
    {
        IChunkedList<T> chunked => chunked.Chunks,
        T[] array => [array],
        _ => [[.. list]],
    };
}
