namespace MLOps.Training.Importance;

/// <summary>
/// How much the holdout metric worsens when one feature's values are shuffled: AUC drop (binary), log-loss increase
/// (multiclass) or RMSE increase (regression), averaged over the repeats; larger means more important.
/// </summary>
public sealed record FeatureImportance(string Feature, double Importance, double StandardDeviation);
