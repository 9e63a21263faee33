namespace MLOps.Core.Requirements;

/// <summary>
/// How much cleaning may alter before the data pipeline stops: the share of a column's present values that
/// cleaning nulls out or changes (normalises, clips), or the share of rows it drops. Above
/// <see cref="MaxShare"/> the run fails (<see cref="GuardAction.Fail"/>) or warns in the cleaning report and the
/// run's output (<see cref="GuardAction.Warn"/>). Filling a missing value (imputation) changes no present value
/// and is not counted; how many values may be missing is the column's <c>maxMissingShare</c> rule.
/// </summary>
public sealed record ChangeGuard
{
    public const double DefaultMaxShare = 0.2;

    /// <summary>In [0, 1]; the guard trips when the share is strictly above it.</summary>
    public double MaxShare { get; init; } = DefaultMaxShare;

    public GuardAction Action { get; init; } = GuardAction.Fail;
}
