namespace MLOps.Core.Serving.Batch;

/// <summary>One cell of the batch fan-out: a record-aligned chunk of the plan's input.</summary>
public sealed record BatchChunkRequest(BatchScoringPlan Plan, int Chunk);
