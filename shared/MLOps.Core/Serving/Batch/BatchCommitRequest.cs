namespace MLOps.Core.Serving.Batch;

/// <summary>Commit the output of every scored chunk, in order.</summary>
public sealed record BatchCommitRequest(BatchScoringPlan Plan, IReadOnlyList<BatchChunkResult> Chunks);
