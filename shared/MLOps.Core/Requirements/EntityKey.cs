namespace MLOps.Core.Requirements;

/// <summary>The column that identifies the scored entity (customer, application) in the feature store.</summary>
public sealed record EntityKey
{
    public required string Column { get; init; }

    /// <summary>
    /// True when the raw data has no identifier and ingestion assigns one (both bundled public data sets are
    /// like this), so the key need not be in the raw sample.
    /// </summary>
    public bool Generated { get; init; }
}
