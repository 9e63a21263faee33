namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// The score output of one inference, row-major: <see cref="PerRow"/> values per row (1 for a binary classifier's
/// positive-class probability or a regression's prediction, one per class for a multiclass classifier), and the
/// worker and model version that answered.
/// </summary>
public sealed record ModelScores(float[] Values, int PerRow, Uri Worker, string? ModelVersion)
{
    public int Rows => this.PerRow == 0 ? 0 : this.Values.Length / this.PerRow;

    public ReadOnlySpan<float> Row(int index) => this.Values.AsSpan(index * this.PerRow, this.PerRow);
}
