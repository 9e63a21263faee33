namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// Where the key, event time and label of a feature row come from in the cleaned CSV. A generated key is the
/// raw record number, which survives the removal of duplicate rows upstream and so stays stable per row.
/// </summary>
public sealed record FeatureSetSource(string EntityKey, bool GeneratedKey, string? EventTime, string? Target)
{
    public static FeatureSetSource Of(Requirements.ProjectSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new FeatureSetSource(spec.EntityKey.Column, spec.EntityKey.Generated, spec.EventTime, spec.Target.Column);
    }
}
