using Microsoft.DurableTask;
using MLOps.Core.Delivery;

namespace MLOps.Activities.Delivery;

/// <summary>Audits and publishes a deployment's moment (a step passed, an approval escalated); returns the audit sequence.</summary>
public sealed class RecordDeploymentNoticeActivity(DeploymentNotices notices) : TaskActivity<DeploymentNotice, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, DeploymentNotice input) =>
        notices.RecordAsync(input);
}
