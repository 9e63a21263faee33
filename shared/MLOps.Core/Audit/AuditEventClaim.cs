namespace MLOps.Core.Audit;

/// <summary>
/// The create-if-absent marker of an audited event (<c>events/{sha256(eventId)}.json</c>). Whoever creates it
/// first notes the chain's head at that moment; every record of the event can only come after it, so a later
/// delivery that finds the claim without <see cref="Sequence"/> (its writer crashed, or is still writing) reads
/// only the records after <see cref="HeadAtClaim"/>. <see cref="Sequence"/> is filled in once the record is linked.
/// </summary>
internal sealed record AuditEventClaim(string EventId, long HeadAtClaim, long? Sequence);
