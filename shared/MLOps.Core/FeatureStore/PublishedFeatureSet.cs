namespace MLOps.Core.FeatureStore;

/// <summary>
/// The committed version (new, or the existing one with the same content) and what cleaning and engineering did on
/// the way: rows read, exact duplicates found (kept unless the spec drops them) and dropped, rows dropped by rules,
/// and the guards' warnings (a failure stops the run before any version is committed).
/// </summary>
public sealed record PublishedFeatureSet(
    FeatureSetVersion Version,
    bool Created,
    string CleaningReportBlob,
    long RowsRead,
    long DuplicateRowsDropped,
    long InvalidRowsDropped)
{
    public string? CleaningReportHtmlBlob { get; init; }

    public long DuplicateRowsFound { get; init; }

    /// <summary>Per feature: present source values the feature could not use (the engineering guard's counts).</summary>
    public string? EngineeringReportBlob { get; init; }

    /// <summary>Changes and losses over a guard's share that the spec marks tolerable (changeGuard action Warn); empty otherwise.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
