using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Labels;

/// <summary>
/// Joins labels to logged predictions. A scored row (status 200) of a request takes the label of its request id and
/// row index; a mirror entry answers for the request it copies, so it uses <see cref="RequestLogEntry.MirrorOf"/>
/// (callers only ever saw that id). Failing that, a row named by key takes its key's label, so every prediction of
/// the key in the window is labelled. Unlabelled rows are left out.
/// </summary>
public static class LabelJoin
{
    public static IReadOnlyList<LabelledPrediction> Join(IEnumerable<RequestLogEntry> entries, IEnumerable<GroundTruthLabel> labels)
    {
        var byRequest = new Dictionary<(string RequestId, int Row), string>();
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GroundTruthLabel label in labels)
        {
            if (label.RequestId is { } request)
            {
                byRequest.TryAdd((request, label.Row ?? 0), label.Label);
            }
            else if (label.Key is { } key)
            {
                byKey.TryAdd(key, label.Label);
            }
        }

        var joined = new List<LabelledPrediction>();
        foreach (RequestLogEntry entry in entries)
        {
            string origin = entry.MirrorOf ?? entry.RequestId;
            IReadOnlyList<RowResult> rows = entry.Outputs ?? [];
            for (int i = 0; i < rows.Count; i++)
            {
                RowResult row = rows[i];
                if (row.Status != RowResult.Scored)
                {
                    continue;
                }

                if (byRequest.TryGetValue((origin, i), out string? truth)
                    || (row.Key is { } key && byKey.TryGetValue(key, out truth)))
                {
                    joined.Add(new LabelledPrediction(entry, i, row, truth));
                }
            }
        }

        return joined;
    }
}
