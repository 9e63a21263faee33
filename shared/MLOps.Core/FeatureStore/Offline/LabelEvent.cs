namespace MLOps.Core.FeatureStore.Offline;

/// <summary>An observed outcome for an entity at a time: a row of a point-in-time training set.</summary>
public sealed record LabelEvent(string Key, DateTimeOffset Time, string? Label = null);
