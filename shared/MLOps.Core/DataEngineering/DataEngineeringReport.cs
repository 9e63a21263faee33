using MLOps.Core.FeatureStore;

namespace MLOps.Core.DataEngineering;

/// <summary>Output of the data engineering pipeline: each step's small result, the large ones by blob reference.</summary>
public sealed record DataEngineeringReport(
    int ProjectVersion,
    IngestedFile Ingested,
    ProfileSummary Profile,
    QualitySummary Quality,
    PublishedFeatureSet FeatureSet,
    MaterializationResult Online,
    ConsistencyReport Consistency,
    FeatureStatisticsSummary Statistics,
    int LineageEdges);
