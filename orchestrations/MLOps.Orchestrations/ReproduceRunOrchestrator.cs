using Microsoft.DurableTask;
using MLOps.Activities.Experiments;
using MLOps.Core.Experiments;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations.Platform;
using MLOps.Training.Experiments;

namespace MLOps.Orchestrations;

/// <summary>
/// The <c>reproduce</c> pipeline: one run's cross-validation trained again, as a durable activity rather than inside
/// an HTTP request (Azure ends those at 230 s), audited and published like every pipeline.
/// </summary>
public sealed class ReproduceRunOrchestrator : TaskOrchestrator<ReproductionRequest, RunReproduction>
{
    public override Task<RunReproduction> RunAsync(TaskOrchestrationContext context, ReproductionRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return PipelineRun.RunAsync(context, PipelineNames.Reproduce, async () =>
        {
            context.SetCustomStatus(new PipelineProgress("train", 0, 1, input.RunId));
            RunReproduction result = await context.CallActivityAsync<RunReproduction>(nameof(ReproduceRunActivity), input, RetryPolicies.Platform);
            context.SetCustomStatus(new PipelineProgress("completed", 1, 1, input.RunId));
            return result;
        });
    }
}
