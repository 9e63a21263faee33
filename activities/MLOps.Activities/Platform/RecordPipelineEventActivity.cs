using Microsoft.DurableTask;
using MLOps.Core.Pipelines;

namespace MLOps.Activities.Platform;

/// <summary>Audits and publishes a pipeline's change of state; returns the audit sequence number.</summary>
public sealed class RecordPipelineEventActivity(PipelineEventRecorder recorder) : TaskActivity<PipelineLifecycleEvent, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, PipelineLifecycleEvent input) =>
        recorder.RecordAsync(input);
}
