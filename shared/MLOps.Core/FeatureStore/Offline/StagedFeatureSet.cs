namespace MLOps.Core.FeatureStore.Offline;

/// <summary>A feature-set file written whole to a staging blob, not yet a version.</summary>
public sealed record StagedFeatureSet(
    string Project, string StagingBlob, string Sha256, long Rows, long Bytes, FeatureTableSchema Table, string DefinitionsSha256);
