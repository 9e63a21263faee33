namespace MLOps.Core.Requirements;

/// <summary>
/// How the holdout rows are chosen when a feature-set version is built. Every rule needs only the cleaned rows'
/// keys, labels and event times, so a tool outside .NET rebuilds the exact split from the raw file
/// (<c>tests/reference/credit_hgb_reference.py</c> and <c>bundled_experiment_reference.py</c> do).
/// </summary>
public enum HoldoutStrategy
{
    /// <summary>The Random rule within each class: every class keeps its share in both parts (classification).</summary>
    Stratified,

    /// <summary>Labelled rows ordered by SHA-256 of "{seed}:{key}" (UTF-8, ascending), ties in file order; the first round(n·f) are the holdout.</summary>
    Random,

    /// <summary>The latest round(n·f) labelled rows by (event time, key ordinal), ties in file order: the model is tested on the future.</summary>
    TimeOrdered,
}
