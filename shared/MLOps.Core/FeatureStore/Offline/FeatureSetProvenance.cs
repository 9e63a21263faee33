namespace MLOps.Core.FeatureStore.Offline;

/// <summary>What a feature-set version was built from, recorded in its <see cref="FeatureSetVersion"/>.</summary>
public sealed record FeatureSetProvenance
{
    public required string SourceBlob { get; init; }

    public required string SourceETag { get; init; }

    public string? SourceMd5 { get; init; }

    public required string RawSnapshotSha256 { get; init; }

    public string? SpecSha256 { get; init; }

    public string? ProfileBlob { get; init; }

    public string? QualityReportBlob { get; init; }
}
