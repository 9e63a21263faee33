using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>What feature engineering could not use, per feature, and the guard's verdict on it.</summary>
public sealed record EngineeringReport(
    long Rows,
    double MaxShare,
    GuardAction Action,
    IReadOnlyList<FeatureLoss> Features,
    IReadOnlyList<string> Warnings);
