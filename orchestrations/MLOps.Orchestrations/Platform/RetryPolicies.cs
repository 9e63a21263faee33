using Microsoft.DurableTask;
using MLOps.Core;
using MLOps.Core.DataEngineering;
using MLOps.Core.Delivery;

namespace MLOps.Orchestrations.Platform;

public static class RetryPolicies
{
    /// <summary>
    /// For storage-bound platform activities: a few quick retries ride out a transient storage error. Rejected
    /// input (<see cref="DataRejectedException"/>) is not retried: the same bytes would be rejected again; nor is a
    /// landed blob that was overwritten before it was read (<see cref="LandingBlobSupersededException"/>), nor a deployment
    /// the platform refuses (<see cref="DeploymentRefusedException"/>).
    /// </summary>
    public static TaskOptions Platform { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2)
        {
            HandleFailure = failure => !IsRejection(failure),
        });

    /// <summary>
    /// For activities that need an ONNX worker: more patient than <see cref="Platform"/> (about a minute and a half in
    /// all), so a worker that is restarting or still loading is waited for rather than failing a long batch run.
    /// </summary>
    public static TaskOptions Scoring { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 7, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30))
        {
            HandleFailure = failure => !IsRejection(failure),
        });

    public static bool IsRejection(TaskFailureDetails failure) =>
        failure?.ErrorType == typeof(DataRejectedException).FullName
        || failure?.ErrorType == typeof(LandingBlobSupersededException).FullName
        || failure?.ErrorType == typeof(DeploymentRefusedException).FullName;
}
