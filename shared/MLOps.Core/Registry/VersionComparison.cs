namespace MLOps.Core.Registry;

/// <summary>
/// Two versions of a model side by side: metric deltas, the provenance fields that differ, and the lineage
/// nodes upstream of one version but not the other (e.g. a different raw snapshot).
/// </summary>
public sealed record VersionComparison(
    string Name,
    int First,
    int Second,
    IReadOnlyList<MetricDelta> Metrics,
    IReadOnlyList<FieldDifference> Differences,
    IReadOnlyList<string> UpstreamOnlyInFirst,
    IReadOnlyList<string> UpstreamOnlyInSecond);
