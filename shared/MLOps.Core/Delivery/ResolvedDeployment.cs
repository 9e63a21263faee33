using MLOps.Core.Delivery.Gates;

namespace MLOps.Core.Delivery;

/// <summary>
/// A deployment request made concrete when its run starts: the package (which passed continuous integration), each
/// endpoint's live deployment and steps, where the candidate model's champion alias pointed, the approval still
/// needed (null: none, or <see cref="ApprovedBy"/> gave it earlier), the gate bounds and the strategy used.
/// </summary>
public sealed record ResolvedDeployment(
    string Project,
    DeployedPackage Candidate,
    IReadOnlyList<EndpointRollout> Endpoints,
    int? Champion,
    ApprovalRequirement? Approval,
    string? ApprovedBy,
    GateBounds Gates,
    RolloutStrategy Strategy,
    string? Note)
{
    /// <summary>Nothing to do: the package answers all traffic everywhere and its version is champion.</summary>
    public bool AlreadyLive => this.Endpoints.All(e => e.Live) && this.Champion == this.Candidate.Version;
}
