namespace MLOps.Core.FeatureStore;

/// <summary>
/// A slice of a feature set in columns: the entity keys, the event time (when the data has one), the raw label
/// (when the project has a target), the holdout membership (when the set records a split: true for a holdout row,
/// false for a training row or one without a label) and every feature, all row-aligned. Parquet row groups read
/// into frames and frames stream into the online store and the statistics, so no consumer needs the whole set in
/// memory.
/// </summary>
public sealed record FeatureFrame(
    IReadOnlyList<string> Keys,
    IReadOnlyList<DateTimeOffset>? EventTimes,
    IReadOnlyList<string?>? Labels,
    IReadOnlyList<FeatureColumn> Features,
    IReadOnlyList<bool>? Holdout = null)
{
    public int Rows => this.Keys.Count;

    public FeatureColumn? Find(string feature) =>
        this.Features.FirstOrDefault(f => string.Equals(f.Name, feature, StringComparison.Ordinal));
}
