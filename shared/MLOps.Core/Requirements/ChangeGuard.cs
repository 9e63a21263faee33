namespace MLOps.Core.Requirements;

/// <summary>
/// How much of a column a data-engineering step may destroy before the run stops: a step that nulls, drops or
/// cannot use more than <see cref="MaxShare"/> of a column's present values fails the run naming the column, the
/// rule and sample values, or, with <see cref="ChangeGuardAction.Warn"/>, completes and says so in its output.
/// </summary>
public sealed record ChangeGuard
{
    public const double DefaultMaxShare = 0.2;

    /// <summary>Share in [0, 1] of a column's present values a step may lose; default 0.2.</summary>
    public double MaxShare { get; init; } = DefaultMaxShare;

    public ChangeGuardAction Action { get; init; } = ChangeGuardAction.Fail;
}
