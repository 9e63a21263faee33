namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// The bounds a deployment step must respect after its baking period. <see cref="MaxP95LatencyMs"/> null: the spec
/// names no latency budget, and the gate compares with the baseline's p95 times <see cref="LatencyRatio"/>.
/// <see cref="MaxMetricDrop"/> applies when labels exist for both deployments (the label-based gate).
/// </summary>
public sealed record GateBounds
{
    public double MaxErrorRate { get; init; } = 0.01;

    public double? MaxP95LatencyMs { get; init; }

    public double LatencyRatio { get; init; } = 2.0;

    public ScoreShiftMetric ShiftMetric { get; init; } = ScoreShiftMetric.PopulationStabilityIndex;

    public double MaxScoreShift { get; init; } = 0.25;

    public double MaxMetricDrop { get; init; } = 0.05;

    /// <summary>
    /// Requests the candidate must have in the window before a gate is judged; also the least scored requests, scores
    /// or labelled predictions each side needs for the gates that compare with the baseline.
    /// </summary>
    public int MinRequests { get; init; } = 30;
}
