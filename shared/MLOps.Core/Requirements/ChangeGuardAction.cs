namespace MLOps.Core.Requirements;

/// <summary>What a <see cref="ChangeGuard"/> does when a step loses more than its share of a column.</summary>
public enum ChangeGuardAction
{
    /// <summary>Fail the run (the default): a silent loss of data is worse than a stopped pipeline.</summary>
    Fail,

    /// <summary>The loss is tolerable for this project: complete, and warn in the run's output.</summary>
    Warn,
}
