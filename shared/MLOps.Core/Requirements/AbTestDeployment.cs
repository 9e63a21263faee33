namespace MLOps.Core.Requirements;

/// <summary>A controlled experiment: a fixed share of traffic gets the new model until enough outcomes are seen.</summary>
public sealed record AbTestDeployment : DeploymentPreference
{
    public required double TreatmentPercent { get; init; }

    /// <summary>Labelled outcomes per arm before the experiment may be decided.</summary>
    public required int MinSamplesPerArm { get; init; }
}
