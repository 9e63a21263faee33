namespace MLOps.Core.Registry;

/// <summary>A metric of two versions; <see cref="Delta"/> is second minus first, null when either lacks it.</summary>
public sealed record MetricDelta(string Metric, double? First, double? Second)
{
    public double? Delta => this.First is { } a && this.Second is { } b ? b - a : null;
}
