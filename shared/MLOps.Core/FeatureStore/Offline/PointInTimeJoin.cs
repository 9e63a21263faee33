namespace MLOps.Core.FeatureStore.Offline;

/// <summary>The as-of join behind <see cref="OfflineFeatureStore.PointInTimeAsync"/>, streaming over the feature rows once.</summary>
public static class PointInTimeJoin
{
    public static async Task<FeatureFrame> JoinAsync(
        IAsyncEnumerable<FeatureFrame> frames, IReadOnlyList<string> features, IReadOnlyList<LabelEvent> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var byKey = labels.Select((l, i) => (l, i)).ToLookup(p => p.l.Key, p => p.i, StringComparer.Ordinal);
        var best = new (DateTimeOffset Time, double[] Values)?[labels.Count];
        await foreach (FeatureFrame frame in frames.WithCancellation(cancellationToken))
        {
            if (frame.EventTimes is not { } times)
            {
                throw new InvalidDataException("The feature rows have no event times, so they cannot be joined point-in-time.");
            }

            FeatureColumn[] columns = [.. features.Select(f => frame.Find(f) ?? throw new InvalidDataException($"The feature rows have no column '{f}'."))];
            for (int r = 0; r < frame.Rows; r++)
            {
                foreach (int i in byKey[frame.Keys[r]])
                {
                    // At or before the label time only; on equal times the later row in the file wins.
                    if (times[r] <= labels[i].Time && (best[i] is not { } current || times[r] >= current.Time))
                    {
                        best[i] = (times[r], [.. columns.Select(c => c.Values[r])]);
                    }
                }
            }
        }

        int[] kept = [.. Enumerable.Range(0, labels.Count).Where(i => best[i] is not null)];
        return new FeatureFrame(
            [.. kept.Select(i => labels[i].Key)],
            [.. kept.Select(i => labels[i].Time)],
            [.. kept.Select(i => labels[i].Label)],
            [.. features.Select((f, c) => new FeatureColumn(f, [.. kept.Select(i => best[i]!.Value.Values[c])]))]);
    }
}
