namespace MLOps.Core.Pipelines;

public enum PipelineState
{
    Started,
    Completed,
    Failed,
}

/// <summary>A pipeline's change of state, audited and published as a platform event.</summary>
public sealed record PipelineLifecycleEvent(string Pipeline, string InstanceId, PipelineState State, string? Detail = null);
