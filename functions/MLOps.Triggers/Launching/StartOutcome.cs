using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Launching;

/// <summary>The result of asking for a pipeline run: started now, or already started by an earlier delivery.</summary>
public sealed record StartOutcome(PipelineDefinition Pipeline, string InstanceId, bool Duplicate);
