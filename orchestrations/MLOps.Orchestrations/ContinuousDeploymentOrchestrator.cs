using Microsoft.DurableTask;
using MLOps.Core.Delivery;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations.Delivery;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// Pipeline 5 of the guide, continuous deployment. Reads as its steps: resolve the package (it must have passed
/// continuous integration) and each endpoint's live deployment → wait for approval where the risk tier needs one
/// (escalated at a timeout, aborted with rollback at the deadline) → for each endpoint and each step of the plan:
/// apply its routing table, bake (a durable timer), judge the gates (a window with too few requests extends the bake a
/// bounded number of times, then counts as failed) → promote (champion moved, old deployments retired) or, on any
/// failed gate, roll back (previous deployments at 100%, champion restored) and fail naming the gate and its figures.
/// Every clock is the context's; every payload is small (digests, names, figures).
/// </summary>
public sealed class ContinuousDeploymentOrchestrator : TaskOrchestrator<DeploymentRequest, DeploymentReport>
{
    public override Task<DeploymentReport> RunAsync(TaskOrchestrationContext context, DeploymentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return PipelineRun.RunAsync(
            context, PipelineNames.ContinuousDeployment, () => new DeploymentRun(context, input).RunAsync(), report => report.Detail);
    }
}
