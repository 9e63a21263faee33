namespace MLOps.Core.Pipelines;

/// <summary>The custom status an orchestrator reports while it runs.</summary>
public sealed record PipelineProgress(string Stage, int Completed, int Total, string? Detail = null);
