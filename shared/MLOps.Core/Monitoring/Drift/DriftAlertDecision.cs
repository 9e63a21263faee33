namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// Whether the persistence rule fires, and why: dataset drift in enough windows, features whose drift persisted
/// (strongest first), features whose missing share kept shifting.
/// </summary>
public sealed record DriftAlertDecision(
    bool Fires, bool DatasetDriftPersists, IReadOnlyList<string> PersistentFeatures, IReadOnlyList<string> PersistentNullShifts);
