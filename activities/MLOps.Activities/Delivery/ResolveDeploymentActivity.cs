using Microsoft.DurableTask;
using MLOps.Core.Delivery;

namespace MLOps.Activities.Delivery;

/// <summary>Makes a deployment request concrete: the checked package, each endpoint's live deployment and steps, the champion, the approval needed.</summary>
public sealed class ResolveDeploymentActivity(DeploymentResolver resolver) : TaskActivity<DeploymentRequest, ResolvedDeployment>
{
    public override Task<ResolvedDeployment> RunAsync(TaskActivityContext context, DeploymentRequest input) =>
        resolver.ResolveAsync(input);
}
