using Microsoft.Azure.Functions.Worker;
using MLOps.Core.Storage;

namespace MLOps.FunctionsApp.Triggers;

/// <summary>
/// Sweeps abandoned staging every 15 minutes and when an instance starts (a crashed one leaves staging behind);
/// only blobs older than <c>StagingSweep:GracePeriod</c> are deleted, so overlapping sweeps of several instances
/// are harmless.
/// </summary>
public sealed class StagingSweepFunction(StagingSweeper sweeper)
{
    [Function("StagingSweep")]
    public Task RunAsync([TimerTrigger("0 */15 * * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
