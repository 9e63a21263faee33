namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// One feature's count for the engineering guard: rows whose source values were all present, how many of them the
/// feature could not use (missing, or in no category), that share, and up to five distinct source values lost.
/// </summary>
public sealed record FeatureLoss(
    string Feature,
    IReadOnlyList<string> Sources,
    long RowsWithSources,
    long Unusable,
    double Share,
    IReadOnlyList<string> Samples);
