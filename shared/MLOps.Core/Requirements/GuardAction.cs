namespace MLOps.Core.Requirements;

/// <summary>What a tripped <see cref="ChangeGuard"/> does: fail the data pipeline run, or warn loudly and go on.</summary>
public enum GuardAction
{
    Fail,
    Warn,
}
