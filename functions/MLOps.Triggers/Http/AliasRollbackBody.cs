namespace MLOps.Triggers.Http;

/// <summary><c>POST …/aliases/{alias}/rollback</c>: why; a rollback is an operational decision that the audit log should explain.</summary>
public sealed record AliasRollbackBody
{
    public string? Reason { get; init; }
}
