namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The drift of one window: every feature's result, how many were tested (not skipped) and drifted, the drifted
/// share, and dataset drift (share ≥ <see cref="ShareThreshold"/> with at least one feature tested).
/// </summary>
public sealed record DatasetDriftResult(
    IReadOnlyList<FeatureDriftResult> Features,
    int TestedCount,
    int DriftedCount,
    double DriftShare,
    double ShareThreshold,
    bool DatasetDrifted)
{
    /// <summary>Drifted features first, each group by falling effect size: the order a report lists them in.</summary>
    public IReadOnlyList<FeatureDriftResult> Ranked =>
        [.. Features.OrderByDescending(f => f.Drifted).ThenByDescending(f => f.Effect?.Value ?? -1).ThenBy(f => f.Feature, StringComparer.Ordinal)];

    public IReadOnlyList<string> DriftedFeatures => [.. Features.Where(f => f.Drifted).Select(f => f.Feature)];

    public IReadOnlyList<string> NullShiftedFeatures => [.. Features.Where(f => f.Nulls.Shifted).Select(f => f.Feature)];
}
