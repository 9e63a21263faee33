using MLOps.Core.Naming;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;

namespace MLOps.Triggers.Http;

/// <summary><c>POST /api/pipelines/cd/{id}/approvals</c>: the decision (Approved or Rejected) and its reason, both audited.</summary>
public sealed record ApprovalDecisionBody : IValidatable
{
    public required ApprovalStatus Decision { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (this.Decision is not (ApprovalStatus.Approved or ApprovalStatus.Rejected))
        {
            problems.Add("decision: must be Approved or Rejected");
        }

        if (string.IsNullOrWhiteSpace(this.Reason))
        {
            problems.Add("reason: must say why the release is approved or rejected");
        }
        else if (NameRules.Reason.Problem("reason", this.Reason) is { } reason)
        {
            problems.Add(reason);
        }

        return problems;
    }
}
