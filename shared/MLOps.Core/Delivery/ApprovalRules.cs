using MLOps.Core.Registry;
using MLOps.Core.Security;

namespace MLOps.Core.Delivery;

/// <summary>
/// Who may decide a release's approval: a holder of the required role (held, not implied: Admin is not a risk
/// approver), and, under separation of duties, not the version's author.
/// </summary>
public static class ApprovalRules
{
    /// <summary>Why <paramref name="principal"/> may not decide, or null when they may.</summary>
    public static string? Refusal(ApprovalRequirement requirement, string principal, IReadOnlyCollection<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(roles);
        string version = $"{ModelUri.ForVersion(requirement.Model, requirement.Version)} ({requirement.Project})";
        if (!roles.Contains(requirement.Role))
        {
            return $"{principal} does not hold {requirement.Role}, the role the {requirement.Tier}-risk policy needs to approve the release of {version}.";
        }

        return requirement.SeparationOfDuties && string.Equals(principal, requirement.Author, StringComparison.OrdinalIgnoreCase)
            ? $"{principal} created {version}; the {requirement.Tier}-risk policy requires someone else to approve it (separation of duties)."
            : null;
    }

    /// <summary>Whether the version's recorded approval already satisfies the requirement (approved earlier in the registry).</summary>
    public static bool IsSatisfiedBy(ApprovalRequirement requirement, ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(version);
        return version.Status == ApprovalStatus.Approved
            && version.ApprovedBy is { } approver
            && version.ApproverRoles.Contains(requirement.Role.ToString(), StringComparer.Ordinal)
            && !(requirement.SeparationOfDuties && string.Equals(approver, version.CreatedBy, StringComparison.OrdinalIgnoreCase));
    }
}
