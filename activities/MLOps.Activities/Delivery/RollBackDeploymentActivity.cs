using Microsoft.DurableTask;
using MLOps.Core.Delivery;

namespace MLOps.Activities.Delivery;

/// <summary>Puts the changed endpoints back on their previous deployment and the champion back, audited and published.</summary>
public sealed class RollBackDeploymentActivity(DeploymentActions actions) : TaskActivity<RollbackRequest, RollbackRecord>
{
    public override Task<RollbackRecord> RunAsync(TaskActivityContext context, RollbackRequest input) =>
        actions.RollBackAsync(input);
}
