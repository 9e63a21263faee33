namespace MLOps.Core.FeatureStore;

/// <summary>The latest feature values of one entity as served online; NaN marks a missing value.</summary>
public sealed record OnlineFeatureVector(string Key, int Version, string FeatureSetSha256, IReadOnlyDictionary<string, double> Values);
