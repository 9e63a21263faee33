namespace MLOps.Core.FeatureStore.Offline;

/// <summary>The version a commit resolved to; <see cref="Created"/> is false when identical data already had one.</summary>
public sealed record FeatureSetCommit(FeatureSetVersion Version, bool Created);
