using MLOps.Core.Requirements;

namespace MLOps.Core.Registry;

/// <summary>Where the registry finds a project's approval policy; an interface so the registry does not depend on how projects are stored.</summary>
public interface IApprovalPolicySource
{
    Task<ApprovalPolicy> GetPolicyAsync(string project, CancellationToken cancellationToken = default);
}
