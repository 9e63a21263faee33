using Microsoft.DurableTask;
using MLOps.Activities.Platform;
using MLOps.Core.Pipelines;

namespace MLOps.Orchestrations.Platform;

/// <summary>
/// Wraps a pipeline's steps so its start, completion or failure is audited and published, the same way for
/// every pipeline.
/// </summary>
public static class PipelineRun
{
    /// <param name="outcome">The audited detail of a completed run (null: "completed"), e.g. why it ended early.</param>
    public static async Task<T> RunAsync<T>(TaskOrchestrationContext context, string pipeline, Func<Task<T>> steps, Func<T, string?>? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(steps);
        await RecordAsync(context, pipeline, PipelineState.Started, null);
        T result;
        try
        {
            result = await steps();
        }
        catch (Exception ex)
        {
            string reason = ex is TaskFailedException failed ? failed.FailureDetails.ErrorMessage : ex.Message;
            await RecordAsync(context, pipeline, PipelineState.Failed, reason);

            // An orchestrator whose task ends cancelled (a durable wait that timed out) is not failed by DTFx's
            // dispatcher but retried forever; ending it faulted makes it fail like any other error.
            if (ex is OperationCanceledException)
            {
                throw new PipelineFailedException(reason, ex);
            }

            throw;
        }

        await RecordAsync(context, pipeline, PipelineState.Completed, outcome?.Invoke(result));
        return result;
    }

    private static Task<long> RecordAsync(TaskOrchestrationContext context, string pipeline, PipelineState state, string? detail) =>
        context.CallActivityAsync<long>(
            nameof(RecordPipelineEventActivity),
            new PipelineLifecycleEvent(pipeline, context.InstanceId, state, detail),
            RetryPolicies.Platform);
}
