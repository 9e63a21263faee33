namespace MLOps.Core.Integration.Parity;

/// <summary>
/// The scores the trained model gave the feature set's holdout rows, tracked with its run (artifact
/// <see cref="Artifact"/>): one array per row, in <see cref="Keys"/> order — the positive-class probability of a binary
/// classifier, every class probability of a multiclass one, the prediction of a regression. The parity check holds the
/// built package to them.
/// </summary>
public sealed record HoldoutScores(IReadOnlyList<string> Keys, IReadOnlyList<float[]> Scores)
{
    public const string Artifact = "model/holdout-scores.json";

    /// <summary>The first inconsistency (rows and keys of different counts, rows of different widths), or null.</summary>
    public string? ShapeProblem()
    {
        if (this.Keys is null || this.Scores is null)
        {
            return "keys and scores are required";
        }

        if (this.Keys.Count != this.Scores.Count)
        {
            return $"{this.Keys.Count} keys for {this.Scores.Count} score rows";
        }

        int? width = this.Scores.Count == 0 ? null : this.Scores[0]?.Length;
        int bad = this.Scores.ToList().FindIndex(s => s is null || s.Length != width || s.Length == 0);
        return bad < 0 ? null : $"score row {bad} (key '{this.Keys[bad]}') is empty or of another width than the first";
    }
}
