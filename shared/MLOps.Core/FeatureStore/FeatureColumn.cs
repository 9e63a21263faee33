namespace MLOps.Core.FeatureStore;

/// <summary>One engineered feature's values, row-aligned with its <see cref="FeatureFrame"/>; NaN marks a missing value.</summary>
public sealed record FeatureColumn(string Name, IReadOnlyList<double> Values);
