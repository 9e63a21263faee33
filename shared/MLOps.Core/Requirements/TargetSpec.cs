namespace MLOps.Core.Requirements;

/// <summary>The label column; the positive class is the event the model scores (e.g. "bad" in credit scoring).</summary>
public sealed record TargetSpec
{
    public required string Column { get; init; }

    /// <summary>Required for binary classification, absent for regression.</summary>
    public string? PositiveClass { get; init; }
}
