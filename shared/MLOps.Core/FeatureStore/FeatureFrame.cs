namespace MLOps.Core.FeatureStore;

/// <summary>
/// A slice of a feature set in columns: the entity keys, the event time (when the data has one), the raw label
/// (when the project has a target) and every feature, all row-aligned. Parquet row groups read into frames and
/// frames stream into the online store and the statistics, so no consumer needs the whole set in memory.
/// </summary>
public sealed record FeatureFrame(
    IReadOnlyList<string> Keys,
    IReadOnlyList<DateTimeOffset>? EventTimes,
    IReadOnlyList<string?>? Labels,
    IReadOnlyList<FeatureColumn> Features)
{
    public int Rows => this.Keys.Count;

    public FeatureColumn? Find(string feature) =>
        this.Features.FirstOrDefault(f => string.Equals(f.Name, feature, StringComparison.Ordinal));
}
