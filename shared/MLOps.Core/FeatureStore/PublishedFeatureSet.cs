namespace MLOps.Core.FeatureStore;

/// <summary>The committed version (new, or the existing one with the same content) and what cleaning and engineering did on the way.</summary>
public sealed record PublishedFeatureSet(
    FeatureSetVersion Version,
    bool Created,
    string CleaningReportBlob,
    long RowsRead,
    long DuplicateRowsDropped,
    long InvalidRowsDropped)
{
    /// <summary>Per feature: present source values the feature could not use (the engineering guard's counts).</summary>
    public string? EngineeringReportBlob { get; init; }

    /// <summary>Losses over the guard's share that the spec marks tolerable (changeGuard action Warn); empty otherwise.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
