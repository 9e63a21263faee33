using Microsoft.DurableTask;

namespace MLOps.Orchestrations.Platform;

public static class RetryPolicies
{
    /// <summary>For storage-bound platform activities: a few quick retries ride out a transient storage error.</summary>
    public static TaskOptions Platform { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));
}
