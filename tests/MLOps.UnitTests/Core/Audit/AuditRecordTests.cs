using MLOps.Core.Audit;

namespace MLOps.UnitTests.Core.Audit;

/// <summary>
/// The canonical hash, checked against SHA-256 of the canonical JSON computed outside .NET (Python's hashlib over
/// the literal text), so chains written before event ids existed still verify and an event id is covered by the hash.
/// </summary>
public class AuditRecordTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_record_without_an_event_id_hashes_as_records_did_before_event_ids()
    {
        AuditRecord record = AuditRecord.Create(1, T0, new AuditEntry("alice", "pipeline.start", "t", null, "ok"), AuditRecord.GenesisHash);

        Assert.Null(record.EventId);
        Assert.Equal("9866f4791e1e7e17caf8e8d8c5f27ab87f3b4b76c493779ea4068694ee1c0bb4", record.Hash);
    }

    [Fact]
    public void An_event_id_is_part_of_the_hash_so_editing_it_breaks_verification()
    {
        AuditRecord record = AuditRecord.Create(
            1, T0, new AuditEntry("alice", "pipeline.start", "t", null, "ok", AuditEventIds.PipelineStart("i1")), AuditRecord.GenesisHash);

        Assert.Equal("pipeline/i1/start", record.EventId);
        Assert.Equal("df48dde1564765f06187524110148a05c0948d39743faee2e0dd611e8ce87484", record.Hash);
        Assert.False(AuditVerification.Verify([record with { EventId = "pipeline/i2/start" }]).Intact);
        Assert.False(AuditVerification.Verify([record with { EventId = null }]).Intact);
    }

    [Fact]
    public void Event_ids_name_the_thing_and_the_step()
    {
        Assert.Equal("pipeline/data-x-1/started", AuditEventIds.PipelineState("data-x-1", "started"));
        Assert.Equal("registry/credit/churn/v3/registered", AuditEventIds.VersionRegistered("credit", "churn", 3));
        Assert.Equal("registry/credit/churn/v3/approval/2", AuditEventIds.VersionApproval("credit", "churn", 3, 2));
        Assert.Equal("registry/credit/churn/alias/champion/7", AuditEventIds.AliasMove("credit", "churn", "champion", 7));
    }
}
