using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Holdout;

/// <summary>
/// The holdout split a feature-set version was built with: the rule (strategy, fraction, seed) and its outcome.
/// Its rows carry the membership in the Parquet column <see cref="Offline.FeatureTableSchema.HoldoutColumn"/>;
/// rows without a label are in neither part.
/// </summary>
public sealed record HoldoutSplit(
    HoldoutStrategy Strategy,
    double Fraction,
    int Seed,
    long LabelledRows,
    long HoldoutRows)
{
    /// <summary>Labelled rows outside the holdout: the only rows transforms are fitted on and the search sees.</summary>
    public long TrainingRows => this.LabelledRows - this.HoldoutRows;
}
