namespace MLOps.Core.Requirements;

/// <summary>
/// What the Requirements pipeline hands to the later pipelines: the thresholds, data rules and approval policy
/// they enforce, with the hash of the spec they came from so every gate decision traces back to one version.
/// </summary>
public sealed record ProjectGates
{
    public required string Project { get; init; }

    public required string SpecSha256 { get; init; }

    public required ModelTask Task { get; init; }

    public required TargetSpec Target { get; init; }

    public required AcceptanceGate Acceptance { get; init; }

    public required LatencyBudget Latency { get; init; }

    public required DataRules DataRules { get; init; }

    public required IReadOnlyList<SensitiveAttribute> SensitiveAttributes { get; init; }

    public required ApprovalPolicy Approval { get; init; }

    public required IReadOnlyList<DeploymentPreference> Deployment { get; init; }

    /// <summary>The spec's robustness settings for the integration pipeline; null takes the platform defaults (and reads from registrations made before it existed).</summary>
    public RobustnessSpec? Robustness { get; init; }

    public static ProjectGates From(ProjectSpec spec) => new()
    {
        Project = spec.Name,
        SpecSha256 = ProjectSpecJson.Sha256(spec),
        Task = spec.Task,
        Target = spec.Target,
        Acceptance = spec.Acceptance,
        Latency = spec.Latency,
        DataRules = spec.DataRules,
        SensitiveAttributes = spec.SensitiveAttributes,
        Approval = ApprovalPolicy.For(spec.RiskTier),
        Deployment = spec.Deployment,
        Robustness = spec.Robustness,
    };
}
