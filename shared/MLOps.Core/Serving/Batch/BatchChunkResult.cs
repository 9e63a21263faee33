namespace MLOps.Core.Serving.Batch;

/// <summary>A scored chunk, staged as an uncommitted block of the output: its records, how many scored and how many were refused.</summary>
public sealed record BatchChunkResult(int Chunk, long Rows, long Scored, long Refused);
