using MLOps.Core.Requirements;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// One thing the change guard found: what, whether it fails the run or warns, the column (null for rows), the
/// share measured and the limit it was held to, and the cleaning steps behind it with their before/after samples.
/// </summary>
public sealed record CleaningFinding(CleaningFindingKind Kind, GuardAction Outcome, string? Column, string Message)
{
    public double? Share { get; init; }

    public double? Limit { get; init; }

    public IReadOnlyList<CleaningStep> Steps { get; init; } = [];
}
