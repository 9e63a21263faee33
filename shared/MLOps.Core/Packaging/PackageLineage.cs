namespace MLOps.Core.Packaging;

/// <summary>What the packaged model was trained from: run, feature-set version and hash, raw snapshot, spec version.</summary>
public sealed record PackageLineage(
    string RunId,
    int FeatureSetVersion,
    string FeatureSetSha256,
    string SnapshotSha256,
    int SpecVersion,
    string SpecSha256);
