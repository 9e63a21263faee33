namespace MLOps.Core.FeatureStore;

/// <summary>
/// The committed version (new, or the existing one with the same content) and what cleaning did on the way:
/// rows read, exact duplicates found (kept unless the spec drops them) and dropped, rows dropped by rules, and
/// the change guard's warnings (a failure stops the run before any version is committed).
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

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
