namespace MLOps.Core.Audit;

/// <summary>The result of walking the chain: intact, or the first broken record and why.</summary>
public sealed record AuditVerification(bool Intact, long RecordsChecked, long? FirstBrokenSequence, string? Problem)
{
    public static AuditVerification Verify(IEnumerable<AuditRecord> recordsInOrder)
    {
        ArgumentNullException.ThrowIfNull(recordsInOrder);
        long checkedCount = 0;
        string previousHash = AuditRecord.GenesisHash;
        long expected = 1;
        foreach (AuditRecord record in recordsInOrder)
        {
            string? problem =
                record.Sequence != expected ? $"expected sequence {expected} but found {record.Sequence} (a record is missing or was inserted)"
                : record.PreviousHash != previousHash ? "its previous-hash does not match the record before it"
                : record.ComputeHash() != record.Hash ? "its content does not match its hash (the record was edited)"
                : null;
            if (problem is not null)
            {
                return new AuditVerification(false, checkedCount, expected, $"Record {expected}: {problem}.");
            }

            previousHash = record.Hash;
            expected++;
            checkedCount++;
        }

        return new AuditVerification(true, checkedCount, null, null);
    }
}
