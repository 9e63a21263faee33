using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Http;

/// <summary><c>POST …/aliases/{alias}/rollback</c>: why; a rollback is an operational decision that the audit log should explain.</summary>
public sealed record AliasRollbackBody : IValidatable
{
    public string? Reason { get; init; }

    public IReadOnlyList<string> Validate() =>
        this.Reason is not null && NameRules.Reason.Problem("reason", this.Reason) is { } reason ? [reason] : [];
}
