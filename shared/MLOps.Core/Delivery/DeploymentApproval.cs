using MLOps.Core.Registry;
using MLOps.Core.Security;

namespace MLOps.Core.Delivery;

/// <summary>
/// An approver's decision, as the approvals route forwards it to a waiting run once it has checked the approver's
/// role and separation of duties and recorded the decision on the version. The generic raise-event route cannot send
/// it: the pipeline does not list it among the events anyone may raise.
/// </summary>
public sealed record DeploymentApproval(ApprovalStatus Decision, string Principal, IReadOnlyList<Role> Roles, string Reason)
{
    public const string EventName = "DeploymentApproval";
}
