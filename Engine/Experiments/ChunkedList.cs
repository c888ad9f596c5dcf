using EcosystemSim.Reports.Metrics;

namespace EcosystemSim.Engine.Experiments;

/// <summary>A read-only list over several arrays, end to end, without copying them (metrics read the arrays in place, <see cref="RecordChunks"/>).</summary>
public sealed class ChunkedList<T>(IReadOnlyList<T[]> chunks) : IChunkedList<T>
{
    private readonly int[] _starts = Starts(chunks);

    public IReadOnlyList<T[]> Chunks => chunks;

    public int Count => _starts[^1];

    public T this[int index]
    {
        get
        {
            int chunk = Array.BinarySearch(_starts, index);
            chunk = chunk >= 0 ? chunk : ~chunk - 1;
            while (chunks[chunk].Length == 0) chunk++;
            return chunks[chunk][index - _starts[chunk]];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var chunk in chunks)
        {
            foreach (var item in chunk) yield return item;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static int[] Starts(IReadOnlyList<T[]> chunks)
    {
        var starts = new int[chunks.Count + 1];
        for (int i = 0; i < chunks.Count; i++) starts[i + 1] = starts[i] + chunks[i].Length;
        return starts;
    }
}
