using MLOps.Core.Packaging;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// Rows judged and waiting for their scores: a result per input row (refused ones final, the others holding their
/// warnings), the model rows of those to score, row-major, and which inputs they are.
/// </summary>
public sealed record PendingRows(RowResult[] Results, float[] Rows, int[] Scored)
{
    public bool AnyRefused => this.Results.Any(r => r.Status != RowResult.Scored);

    /// <summary>Puts each score in its row's result; <see cref="WorkerFailedException"/> when the count does not match.</summary>
    public RowResult[] Apply(ScoringPackage package, ModelScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Rows != this.Scored.Length)
        {
            throw new WorkerFailedException($"The worker answered {scores.Rows} scores for {this.Scored.Length} rows.");
        }

        RowResult[] results = [.. this.Results];
        for (int i = 0; i < this.Scored.Length; i++)
        {
            RowResult pending = results[this.Scored[i]];
            results[this.Scored[i]] = RowScoring.Scored(package, scores.Row(i), pending.Key, pending.Problems);
        }

        return results;
    }

    /// <summary>
    /// Raw records through the package's feature contract: an encoded record is to be scored (its non-blocking
    /// problems noted), one with a blocking problem is refused (400) — <see cref="RecordProblem.Blocking"/> decides.
    /// </summary>
    public static PendingRows Encode(ScoringPackage package, IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        ArgumentNullException.ThrowIfNull(package);
        IReadOnlyList<EncodedRecord> encoded = package.Encoder.Encode(records);
        var results = new RowResult[encoded.Count];
        var rows = new List<float>(encoded.Count * package.Width);
        var scored = new List<int>(encoded.Count);
        for (int i = 0; i < encoded.Count; i++)
        {
            RowIssue[] issues = [.. encoded[i].Problems.Select(p => new RowIssue(p.Column, p.Kind.ToString(), p.Detail, p.Feature))];
            if (encoded[i].Values is { } values)
            {
                results[i] = new RowResult { Problems = issues.Length > 0 ? issues : null };
                rows.AddRange(values);
                scored.Add(i);
            }
            else
            {
                results[i] = new RowResult { Status = 400, Problems = issues };
            }
        }

        return new PendingRows(results, [.. rows], [.. scored]);
    }
}
