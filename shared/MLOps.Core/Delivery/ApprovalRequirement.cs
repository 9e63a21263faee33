using MLOps.Core.Requirements;
using MLOps.Core.Security;

namespace MLOps.Core.Delivery;

/// <summary>
/// The approval a run waits for: the version to approve, the role an approver must hold (the first production
/// approver of the project's policy, the one the champion gate checks), the version's author, and whether that author
/// is barred from approving it (separation of duties).
/// </summary>
public sealed record ApprovalRequirement(
    string Project, string Model, int Version, Role Role, string Author, bool SeparationOfDuties, RiskTier Tier);
