namespace MLOps.Core.Requirements;

/// <summary>Shift traffic in equal steps at a fixed interval.</summary>
public sealed record LinearDeployment : DeploymentPreference
{
    public required double StepPercent { get; init; }

    public required int IntervalMinutes { get; init; }
}
