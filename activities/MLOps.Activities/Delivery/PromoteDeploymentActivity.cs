using Microsoft.DurableTask;
using MLOps.Core.Delivery;

namespace MLOps.Activities.Delivery;

/// <summary>Moves the champion alias to the new version and retires the old deployments, audited and published.</summary>
public sealed class PromoteDeploymentActivity(DeploymentActions actions) : TaskActivity<PromotionRequest, PromotionRecord>
{
    public override Task<PromotionRecord> RunAsync(TaskActivityContext context, PromotionRequest input) =>
        actions.PromoteAsync(input);
}
