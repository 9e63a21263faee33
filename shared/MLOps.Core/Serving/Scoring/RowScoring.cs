namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// A row's score as answered: a binary classifier's positive-class probability and its label at the package's
/// decision threshold, a multiclass classifier's most probable class with every probability, a regression's
/// prediction. A score that is not a number (the model had no answer for the row) is answered without a score or
/// label, and says so.
/// </summary>
public static class RowScoring
{
    public const string NoScore = "NoScore";

    public static RowResult Scored(ScoringPackage package, ReadOnlySpan<float> scores, string? key, IReadOnlyList<RowIssue>? warnings)
    {
        ArgumentNullException.ThrowIfNull(package);
        return Scored(package.Task, package.DecisionThreshold, package.Labels, scores, key, warnings);
    }

    /// <param name="labels">Class names in score order: [negative, positive] for a binary classifier.</param>
    public static RowResult Scored(
        Requirements.ModelTask task, double? threshold, IReadOnlyList<string> labels, ReadOnlySpan<float> scores, string? key, IReadOnlyList<RowIssue>? warnings)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var result = new RowResult { Key = key, Problems = warnings is { Count: > 0 } ? warnings : null };
        if (scores.Length == 0 || ContainsNaN(scores))
        {
            return result with
            {
                Problems = [.. warnings ?? [], new RowIssue("score", NoScore, "The model gave no score for this row (not a number).")],
            };
        }

        switch (task)
        {
            case Requirements.ModelTask.BinaryClassification:
                float probability = scores[0];
                return result with
                {
                    Score = probability,
                    Label = labels.Count == 2 && threshold is { } cut ? labels[probability >= cut ? 1 : 0] : null,
                };
            case Requirements.ModelTask.MulticlassClassification:
                int best = 0;
                for (int c = 1; c < scores.Length; c++)
                {
                    if (scores[c] > scores[best])
                    {
                        best = c;
                    }
                }

                return result with { Score = scores[best], Label = best < labels.Count ? labels[best] : null, Scores = scores.ToArray() };
            default:
                return result with { Score = scores[0] };
        }
    }

    private static bool ContainsNaN(ReadOnlySpan<float> scores)
    {
        foreach (float score in scores)
        {
            if (float.IsNaN(score))
            {
                return true;
            }
        }

        return false;
    }
}
