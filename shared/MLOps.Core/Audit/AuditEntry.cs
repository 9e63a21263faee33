namespace MLOps.Core.Audit;

/// <summary>
/// What to audit: who did what to which target, a hash of the inputs, and the outcome. <see cref="EventId"/> is
/// the event's deterministic identity (see <see cref="AuditEventIds"/>): appending an entry whose event is already
/// in the chain appends nothing and returns the record already there, so a redelivered activity or a retried
/// request audits its event exactly once. Without one, every append is a new record.
/// </summary>
public sealed record AuditEntry(string Actor, string Action, string Target, string? InputsSha256, string Outcome, string? EventId = null);
