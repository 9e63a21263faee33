namespace MLOps.Core.Requirements;

/// <summary>Send a small share of traffic to the new model, watch it for a bake time, then switch fully.</summary>
public sealed record CanaryDeployment : DeploymentPreference
{
    public required double TrafficPercent { get; init; }

    public required int BakeMinutes { get; init; }
}
