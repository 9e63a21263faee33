namespace MLOps.Core.Packaging;

/// <summary>
/// A raw record as the model's input row: <see cref="Values"/> in the model's input order (<see cref="FeatureContract.FeatureNames"/>),
/// NaN for a missing feature; null when a blocking problem stops the record. <see cref="Problems"/> lists every problem found.
/// </summary>
public sealed record EncodedRecord(IReadOnlyList<float>? Values, IReadOnlyList<RecordProblem> Problems)
{
    public bool Encoded => this.Values is not null;
}
