namespace MLOps.Core.FeatureStore;

/// <summary>
/// The metadata of one committed feature-set version: its number (1, 2, … per project), the SHA-256 of its
/// Parquet bytes (same input and same definitions give the same hash and no new version), what it was built
/// from (source blob and its ETag/MD5, raw snapshot hash, spec and definitions hashes, profile), its schema, its
/// holdout split and its fitted parameters.
/// </summary>
public sealed record FeatureSetVersion
{
    public required string Project { get; init; }

    public required int Version { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>Snapshots-container blob holding the Parquet file.</summary>
    public required string DataBlob { get; init; }

    public required long Rows { get; init; }

    public required string EntityKey { get; init; }

    public string? EventTime { get; init; }

    public string? Label { get; init; }

    /// <summary>Engineered feature columns in file order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>SHA-256 of the canonical JSON of the feature definitions: a change of definition is a change of version.</summary>
    public required string DefinitionsSha256 { get; init; }

    public required string SourceBlob { get; init; }

    public required string SourceETag { get; init; }

    public string? SourceMd5 { get; init; }

    public required string RawSnapshotSha256 { get; init; }

    public string? SpecSha256 { get; init; }

    public string? ProfileBlob { get; init; }

    public string? QualityReportBlob { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The holdout split the rows carry (column <c>__holdout</c>); null for a version built before splits were
    /// recorded, which training refuses.
    /// </summary>
    public Holdout.HoldoutSplit? Split { get; init; }

    /// <summary>
    /// The fitted feature contract: imputation fills, then each feature with its fitted parameters (mean and
    /// standard deviation, category lists), all fitted on the training rows; what serving must apply to raw rows.
    /// </summary>
    public Engineering.FittedFeatureSet? Fitted { get; init; }
}
