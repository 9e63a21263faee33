namespace MLOps.Core.FeatureStore;

/// <summary>The head of a version's ranked feature list; the full statistics are in <see cref="StatisticsBlob"/>.</summary>
public sealed record FeatureStatisticsSummary(int Version, string StatisticsBlob, int? PreviousVersion, IReadOnlyList<string> TopFeatures, double? MaxPsi);
