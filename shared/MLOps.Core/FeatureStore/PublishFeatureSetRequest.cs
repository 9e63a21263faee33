using MLOps.Core.DataEngineering;

namespace MLOps.Core.FeatureStore;

/// <summary>A validated snapshot to clean, engineer and publish as a feature-set version of its project.</summary>
public sealed record PublishFeatureSetRequest(IngestedFile Snapshot, string SpecBlob, string QualityReportBlob);
