namespace MLOps.Core.DataEngineering;

/// <summary>Output of the data engineering pipeline.</summary>
public sealed record DataEngineeringReport(IngestedFile Ingested, ProfileSummary Profile);
