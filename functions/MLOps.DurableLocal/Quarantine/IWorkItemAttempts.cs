namespace MLOps.DurableLocal.Quarantine;

/// <summary>
/// A durable record of which host incarnations began a work item and have not finished it. Only a host that dies
/// mid-item leaves its mark behind (every other ending, failure included, removes the record), so the count of
/// other incarnations on the record is the number of host deaths the item has seen.
/// </summary>
public interface IWorkItemAttempts
{
    /// <summary>Records that this host begins <paramref name="key"/>; answers how many other host incarnations began it and never finished.</summary>
    Task<int> BeginAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The item ended on this host (completed or failed): nothing of it is left to count.</summary>
    Task EndAsync(string key, CancellationToken cancellationToken = default);
}
