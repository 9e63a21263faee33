namespace MLOps.Core.Experiments;

/// <summary>
/// Splits a large search into sub-orchestrations, keeping each one's history (and so its replay cost) bounded.
/// Chunks are equal-sized except the last.
/// </summary>
public static class TrialChunks
{
    public static IReadOnlyList<TrialChunk> Split(int total, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        var chunks = new List<TrialChunk>((total + chunkSize - 1) / chunkSize);
        for (int start = 0; start < total; start += chunkSize)
        {
            chunks.Add(new TrialChunk(chunks.Count, start, Math.Min(chunkSize, total - start)));
        }

        return chunks;
    }

    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> items, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Split(items.Count, chunkSize)
            .Select(c => (IReadOnlyList<T>)items.Skip(c.Start).Take(c.Count).ToList())
            .ToList();
    }
}
