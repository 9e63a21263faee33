namespace MLOps.Core.FeatureStore;

/// <summary>
/// Offline against online for a sample of a version's keys. Matched counts keys whose every feature is equal;
/// keys online under another version (a newer materialization) are counted in <see cref="OtherVersionKeys"/>
/// and not compared. <see cref="Mismatches"/> is capped; <see cref="MismatchCount"/> is the full count.
/// </summary>
public sealed record ConsistencyReport(
    string Project,
    int Version,
    int Sampled,
    int Matched,
    int MismatchCount,
    IReadOnlyList<ConsistencyMismatch> Mismatches,
    IReadOnlyList<string> MissingKeys,
    IReadOnlyList<string> OtherVersionKeys)
{
    public bool IsConsistent => this.MismatchCount == 0 && this.MissingKeys.Count == 0;
}
