namespace MLOps.Core.Delivery.Gates;

/// <summary>The names of the gates, as <see cref="GateFigure.Gate"/> carries them.</summary>
public static class GateNames
{
    public const string ErrorRate = "errorRate";
    public const string P95Latency = "p95Latency";
    public const string ScoreShift = "scoreShift";
    public const string LabelMetric = "labelMetric";
}
