namespace MLOps.Core.Experiments;

/// <summary>
/// A binary model's decision threshold: a row is labelled positive when its probability is at least
/// <see cref="Threshold"/>. Chosen on validation rows split from the training rows (stratified, seeded) by
/// <see cref="Objective"/>, never on the holdout; <see cref="Holdout"/> holds the holdout's precision, recall, F1 and
/// accuracy at this threshold, to read beside the holdout metrics at 0.5. <see cref="FallbackReason"/> says why 0.5
/// was kept when no threshold could be chosen.
/// </summary>
public sealed record DecisionThreshold(
    double Threshold,
    ThresholdObjective Objective,
    double ValidationValue,
    int ValidationRows,
    IReadOnlyDictionary<string, double> Holdout,
    string? FallbackReason = null);
