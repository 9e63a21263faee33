using MLOps.Core.Security;

namespace MLOps.Core.Requirements;

/// <summary>
/// The output of the Requirements pipeline: what the project must achieve and under which constraints. The
/// canonical form is JSON (<see cref="ProjectSpecJson"/>), checked by <see cref="ProjectSpecValidator"/> and
/// described by the embedded JSON Schema (<see cref="ProjectSpecSchema"/>).
/// </summary>
public sealed record ProjectSpec
{
    /// <summary>A slug: it names blobs, instances and resources.</summary>
    public required string Name { get; init; }

    public required string BusinessGoal { get; init; }

    public required ModelTask Task { get; init; }

    public required TargetSpec Target { get; init; }

    public required EntityKey EntityKey { get; init; }

    /// <summary>The column that orders records in time, for point-in-time joins; absent for static data.</summary>
    public string? EventTime { get; init; }

    public required AcceptanceGate Acceptance { get; init; }

    public required LatencyBudget Latency { get; init; }

    public required DataRules DataRules { get; init; }

    public required IReadOnlyList<FeatureDefinition> Features { get; init; }

    /// <summary>How the holdout rows are chosen; absent takes the defaults of <see cref="HoldoutSpec"/>.</summary>
    public HoldoutSpec? Holdout { get; init; }

    public IReadOnlyList<SensitiveAttribute> SensitiveAttributes { get; init; } = [];

    /// <summary>The integration pipeline's robustness settings; absent takes the platform defaults.</summary>
    public RobustnessSpec? Robustness { get; init; }

    public required RiskTier RiskTier { get; init; }

    public required IReadOnlyDictionary<Role, IReadOnlyList<string>> Owners { get; init; }

    /// <summary>Rollout strategies in order of preference; empty leaves the choice to the deployment pipeline.</summary>
    public IReadOnlyList<DeploymentPreference> Deployment { get; init; } = [];
}
