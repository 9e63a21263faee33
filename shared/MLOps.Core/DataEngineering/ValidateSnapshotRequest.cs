namespace MLOps.Core.DataEngineering;

/// <summary>Which snapshot to check against which registered spec.</summary>
public sealed record ValidateSnapshotRequest(IngestedFile Snapshot, string SpecBlob);
