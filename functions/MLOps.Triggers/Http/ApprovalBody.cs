using MLOps.Core.Naming;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;

namespace MLOps.Triggers.Http;

/// <summary><c>POST …/versions/{version}/approval</c>: the decision and its reason, both required because the audit log records them.</summary>
public sealed record ApprovalBody : IValidatable
{
    public required ApprovalStatus Status { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyList<string> Validate() =>
        string.IsNullOrWhiteSpace(this.Reason) ? ["reason: must say why the version is approved, rejected or reset"]
        : NameRules.Reason.Problem("reason", this.Reason) is { } reason ? [reason]
        : [];
}
