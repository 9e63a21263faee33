namespace MLOps.Core.Requirements;

/// <summary>Stand up the new model beside the old one and switch all traffic at once, keeping the old for rollback.</summary>
public sealed record BlueGreenDeployment : DeploymentPreference
{
    /// <summary>How long the previous slot stays warm for an instant rollback.</summary>
    public int RollbackWindowMinutes { get; init; } = 60;
}
