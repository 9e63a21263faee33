namespace MLOps.Core.FeatureStore;

/// <summary>Which version to compute statistics for, under which registered spec (task and positive class).</summary>
public sealed record FeatureStatisticsRequest(FeatureSetVersion Version, string SpecBlob);
