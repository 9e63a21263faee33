namespace MLOps.Core.DataEngineering;

/// <summary>One cell of the profiling fan-out: a row chunk of the snapshot and a group of its columns.</summary>
public sealed record ProfileChunkRequest(IngestedFile Snapshot, int Chunk, int Group, IReadOnlyList<string> Columns);
