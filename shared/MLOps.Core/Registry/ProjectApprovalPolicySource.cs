using MLOps.Core.Projects;
using MLOps.Core.Requirements;

namespace MLOps.Core.Registry;

/// <summary>The approval policy of the project's latest registered spec.</summary>
public sealed class ProjectApprovalPolicySource(ProjectRegistry projects) : IApprovalPolicySource
{
    public async Task<ApprovalPolicy> GetPolicyAsync(string project, CancellationToken cancellationToken = default)
    {
        // An unregistered project has no declared risk tier; refusing beats silently treating it as low risk.
        ProjectRegistration registration = await projects.GetAsync(project, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"Project '{project}' is not registered, so its approval policy is unknown.");
        return registration.Gates.Approval;
    }
}
