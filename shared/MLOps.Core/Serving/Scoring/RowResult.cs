namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// One row's outcome, as answered and as logged: <see cref="Status"/> 200 with its <see cref="Score"/> (and
/// <see cref="Label"/> where the task has one), or 400 (the record breaks the feature contract), 404 (no online
/// features for the key) or 409 (the key's online features are of another feature-set version) with the
/// <see cref="Problems"/>. A scored row may carry problems too: values training itself encoded the same way (an
/// unseen category, a feature with no value), noted so they can be monitored.
/// </summary>
public sealed record RowResult
{
    public const int Scored = 200;

    public int Status { get; init; } = Scored;

    /// <summary>The entity key, for a row named by key.</summary>
    public string? Key { get; init; }

    /// <summary>Binary: the positive class's probability; multiclass: the probability of <see cref="Label"/>; regression: the prediction.</summary>
    public float? Score { get; init; }

    public string? Label { get; init; }

    /// <summary>Multiclass only: every class's probability, in the order of the package's labels.</summary>
    public IReadOnlyList<float>? Scores { get; init; }

    public IReadOnlyList<RowIssue>? Problems { get; init; }
}
