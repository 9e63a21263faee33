namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>The mergeable profile of a chunk of rows, or of a group of columns, before it is finished.</summary>
public sealed record PartialProfile(long Rows, IReadOnlyList<PartialColumnProfile> Columns);
