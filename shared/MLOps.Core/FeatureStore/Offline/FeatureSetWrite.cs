using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Holdout;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// A feature-set file written to a stream: the completed writer (rows, bytes, hash, schema), the fitted features it
/// applied, the engineering guard's counts, and — when it was built from a snapshot — the holdout split and what
/// cleaning did.
/// </summary>
public sealed record FeatureSetWrite(
    FeatureParquetWriter Written,
    FittedFeatureSet Features,
    EngineeringReport Engineering,
    HoldoutSplit? Split = null,
    CleaningReport? Cleaning = null);
