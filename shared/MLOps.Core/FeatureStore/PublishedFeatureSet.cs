namespace MLOps.Core.FeatureStore;

/// <summary>The committed version (new, or the existing one with the same content) and what cleaning did on the way.</summary>
public sealed record PublishedFeatureSet(
    FeatureSetVersion Version,
    bool Created,
    string CleaningReportBlob,
    long RowsRead,
    long DuplicateRowsDropped,
    long InvalidRowsDropped);
