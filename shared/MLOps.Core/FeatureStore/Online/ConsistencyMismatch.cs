namespace MLOps.Core.FeatureStore;

/// <summary>A feature whose online value differs from the offline one; Online is null when the row lacks the feature.</summary>
public sealed record ConsistencyMismatch(string Key, string Feature, double Offline, double? Online);
