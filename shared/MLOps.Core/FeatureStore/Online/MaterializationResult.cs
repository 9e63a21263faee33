namespace MLOps.Core.FeatureStore;

/// <summary>
/// What one materialization did: rows read, distinct keys written, and keys left alone because the online row
/// already held a newer version.
/// </summary>
public sealed record MaterializationResult(string Project, int Version, long Rows, long Written, long SkippedNewer);
