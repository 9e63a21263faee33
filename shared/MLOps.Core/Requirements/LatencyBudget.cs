namespace MLOps.Core.Requirements;

/// <summary>The online scoring latency the serving pipeline must meet, as a 95th percentile.</summary>
public sealed record LatencyBudget
{
    public required int P95Ms { get; init; }
}
