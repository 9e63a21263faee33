namespace MLOps.Triggers.Launching;

/// <summary>
/// Keeps runs that change the same resource (an endpoint under continuous deployment) from overlapping, across
/// callers and hosts: a resource is held by the last run that took it, until that run finishes. Nothing is released:
/// a holder that finished (or that never started, once its lock is stale) is simply taken over.
/// </summary>
public interface IRunLocks
{
    /// <summary>
    /// Takes every resource for <paramref name="instanceId"/>, or none of them: null when taken, else the resource and
    /// the run in flight that holds it. <paramref name="isRunning"/> says whether a holder is in flight (true), finished
    /// (false) or unknown to the backend (null: not scheduled yet, or never; it holds until <paramref name="staleAfter"/>).
    /// </summary>
    Task<RunLockHolder?> TryAcquireAsync(
        IReadOnlyList<string> resources,
        string instanceId,
        Func<string, CancellationToken, Task<bool?>> isRunning,
        TimeSpan staleAfter,
        CancellationToken cancellationToken = default);
}

/// <summary>The run that holds a resource.</summary>
public sealed record RunLockHolder(string Resource, string InstanceId);
