using MLOps.Core.Audit;

namespace MLOps.UnitTests.Core.Audit;

public class AuditVerificationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static List<AuditRecord> Chain(int length)
    {
        var records = new List<AuditRecord>();
        string previous = AuditRecord.GenesisHash;
        for (int i = 1; i <= length; i++)
        {
            AuditRecord record = AuditRecord.Create(i, T0.AddSeconds(i), new AuditEntry($"user{i}", "pipeline.start", $"target{i}", null, "ok"), previous);
            records.Add(record);
            previous = record.Hash;
        }

        return records;
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        AuditVerification result = AuditVerification.Verify(Chain(5));

        Assert.True(result.Intact);
        Assert.Equal(5, result.RecordsChecked);
        Assert.Null(result.FirstBrokenSequence);
    }

    [Fact]
    public void Editing_a_field_is_reported_at_that_record()
    {
        List<AuditRecord> chain = Chain(5);
        chain[2] = chain[2] with { Actor = "mallory" };

        AuditVerification result = AuditVerification.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("edited", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehashing_an_edited_record_breaks_the_next_link()
    {
        List<AuditRecord> chain = Chain(5);
        AuditRecord forged = chain[1] with { Outcome = "forged" };
        chain[1] = forged with { Hash = forged.ComputeHash() };

        AuditVerification result = AuditVerification.Verify(chain);

        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("previous-hash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_record_is_reported_as_a_gap()
    {
        List<AuditRecord> chain = Chain(5);
        chain.RemoveAt(3);

        AuditVerification result = AuditVerification.Verify(chain);

        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_covers_the_timestamp()
    {
        AuditRecord record = Chain(1)[0];

        Assert.NotEqual(record.Hash, (record with { Timestamp = record.Timestamp.AddTicks(1) }).ComputeHash());
    }
}
