namespace MLOps.Core.Tracking;

/// <summary>One value of a metric at a step (epoch, boosting round, fold index) of a run.</summary>
public sealed record MetricPoint(long Step, double Value, DateTimeOffset Timestamp);
