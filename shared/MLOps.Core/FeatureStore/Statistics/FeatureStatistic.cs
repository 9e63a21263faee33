namespace MLOps.Core.FeatureStore;

/// <summary>
/// One feature's statistics in a version. Importance is the ranking score: Separation = max(AUC, 1 − AUC) for
/// classification, |Pearson r| for regression; null where it is undefined (one class only, a constant column,
/// no values), and such features rank last. Every statistic uses the rows where the feature and the label are
/// both present, outside the holdout when the version records one (Observations counts them); MissingShare counts
/// NaN over all rows.
/// </summary>
public sealed record FeatureStatistic(
    string Name,
    int Rank,
    double? Importance,
    double MissingShare,
    long Observations,
    double? Auc,
    double? Separation,
    double? Correlation,
    double? InformationValue,
    double? Psi);
