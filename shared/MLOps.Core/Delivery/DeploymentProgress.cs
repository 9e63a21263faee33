using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Delivery;

/// <summary>
/// The custom status of a continuous-deployment run: the stage (<c>resolve</c>, <c>approval</c>, <c>rollout</c>,
/// <c>promote</c>, <c>rollback</c>, and the end: <c>promoted</c>, <c>discarded</c>, <c>rolled-back</c>,
/// <c>already-live</c>), steps done of all, the current endpoint and step with its routing table, when its bake
/// ends (the time left is that minus now), every step's gate figures so far, and the approval awaited.
/// </summary>
public sealed record DeploymentProgress(
    string Stage,
    int Completed,
    int Total,
    string? Detail = null,
    string? Endpoint = null,
    string? Step = null,
    IReadOnlyList<TrafficWeight>? Weights = null,
    DateTimeOffset? BakeEndsAt = null,
    IReadOnlyList<StepVerdict>? Gates = null,
    AwaitedApproval? Approval = null)
{
    /// <summary>The stage of a run waiting for an approval: the approvals route accepts decisions only then.</summary>
    public const string ApprovalStage = "approval";
}
