using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Launching;

/// <summary>
/// The result of asking for a pipeline run: started now, already started by an earlier delivery, or refused because
/// another run in flight holds a resource it would change (<see cref="Busy"/>; nothing was started).
/// </summary>
public sealed record StartOutcome(PipelineDefinition Pipeline, string InstanceId, bool Duplicate)
{
    public RunLockHolder? Busy { get; init; }

    public bool Started => !this.Duplicate && this.Busy is null;
}
