namespace MLOps.Core.Requirements;

/// <summary>Score live traffic with the new model without acting on it, to compare against the incumbent.</summary>
public sealed record ShadowDeployment : DeploymentPreference
{
    public required int DurationMinutes { get; init; }

    public double SamplePercent { get; init; } = 100;
}
