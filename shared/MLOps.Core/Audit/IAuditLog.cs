namespace MLOps.Core.Audit;

/// <summary>The append-only, hash-chained audit log.</summary>
public interface IAuditLog
{
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Records in sequence order, starting after <paramref name="afterSequence"/>.</summary>
    IAsyncEnumerable<AuditRecord> ReadAsync(long afterSequence = 0, CancellationToken cancellationToken = default);

    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
