namespace MLOps.Core.Serving.Scoring;

/// <summary>A record as a model row (null when a blocking problem stops it) and every problem found.</summary>
public sealed record EncodedRow(IReadOnlyList<float>? Values, IReadOnlyList<RowProblem> Problems);
