namespace MLOps.Core.DataEngineering;

/// <summary>The fan-in of profiling: the partial profiles' blobs, indexed [chunk][group].</summary>
public sealed record ProfileMergeRequest(IngestedFile Snapshot, IReadOnlyList<IReadOnlyList<string>> Partials);
