namespace MLOps.Core.Serving.Workers;

/// <summary>One entry of a worker's repository index: a model version and its state (READY, or UNAVAILABLE with the reason).</summary>
public sealed record WorkerModelIndexEntry(string Name, string? Version, string State, string? Reason);
