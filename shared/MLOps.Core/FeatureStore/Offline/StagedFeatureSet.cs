using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Holdout;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// A feature-set file written whole to a staging blob, not yet a version, with what its version will record: the
/// holdout split its rows carry and the parameters its features were fitted with (null for a set built without them).
/// </summary>
public sealed record StagedFeatureSet(
    string Project,
    string StagingBlob,
    string Sha256,
    long Rows,
    long Bytes,
    FeatureTableSchema Table,
    string DefinitionsSha256,
    HoldoutSplit? Split = null,
    FittedFeatureSet? Fitted = null);
