namespace MLOps.Core.Audit;

/// <summary>What to audit: who did what to which target, a hash of the inputs, and the outcome.</summary>
public sealed record AuditEntry(string Actor, string Action, string Target, string? InputsSha256, string Outcome);
