using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Audit;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Audit;

/// <summary>
/// Audit records with an event id on real Blob storage: every delivery of one event (sequential, concurrent, from
/// several hosts, after a crash at any point of the append) leaves exactly one record, and the chain verifies.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class BlobAuditLogEventTests(AzuriteFixture storage) : IDisposable
{
    private readonly List<BlobAuditLog> logs = [];

    private BlobContainerClient Container => new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient("audit");

    [Fact]
    public async Task An_event_appended_again_by_another_host_returns_the_first_record_and_appends_nothing()
    {
        string id = NewEventId();
        AuditRecord first = await this.NewLog().AppendAsync(Entry(id, "first"));
        AuditRecord again = await this.NewLog().AppendAsync(Entry(id, "second"));
        AuditRecord other = await this.NewLog().AppendAsync(Entry(null, "no id"));

        Assert.Equal((first.Sequence, first.Hash, "first"), (again.Sequence, again.Hash, again.Outcome));
        Assert.Equal(id, first.EventId);
        Assert.Single(await this.RecordsAsync(), r => r.EventId == id);
        Assert.True(other.Sequence > first.Sequence);
        Assert.True((await this.NewLog().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_from_eight_hosts_append_one_record_between_other_writers()
    {
        string id = NewEventId();
        Task<AuditRecord>[] deliveries = [.. Enumerable.Range(0, 8).Select(i => this.NewLog().AppendAsync(Entry(id, $"delivery {i}")))];
        Task<AuditRecord>[] others = [.. Enumerable.Range(0, 6).Select(i => this.NewLog().AppendAsync(Entry(i % 2 == 0 ? null : NewEventId(), $"other {i}")))];
        AuditRecord[] results = await Task.WhenAll(deliveries);
        await Task.WhenAll(others);

        Assert.Single(results.Select(r => r.Sequence).Distinct());
        Assert.Single(await this.RecordsAsync(), r => r.EventId == id);
        Assert.True((await this.NewLog().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_delivery_that_died_after_claiming_its_event_is_finished_by_the_next_one()
    {
        // Died after the claim, before the record: the next delivery appends it, once.
        string unwritten = NewEventId();
        BlobAuditLog log = this.NewLog();
        long head = (await log.AppendAsync(Entry(null, "head"))).Sequence;
        await this.Container.GetBlobClient(BlobAuditLog.ClaimName(unwritten)).UploadAsync(
            BinaryData.FromString($$"""{"EventId":"{{unwritten}}","HeadAtClaim":{{head}},"Sequence":null}"""));
        AuditRecord written = await this.NewLog().AppendAsync(Entry(unwritten, "retry"));

        // Died after the record, before completing the claim (other records came in between): the next finds it.
        string recorded = NewEventId();
        AuditRecord original = await log.AppendAsync(Entry(recorded, "original"));
        await this.Container.GetBlobClient(BlobAuditLog.ClaimName(recorded)).UploadAsync(
            BinaryData.FromString($$"""{"EventId":"{{recorded}}","HeadAtClaim":{{head}},"Sequence":null}"""), overwrite: true);
        await log.AppendAsync(Entry(null, "in between"));
        AuditRecord redelivered = await this.NewLog().AppendAsync(Entry(recorded, "redelivered"));
        AuditRecord third = await this.NewLog().AppendAsync(Entry(recorded, "third"));

        IReadOnlyList<AuditRecord> records = await this.RecordsAsync();
        Assert.Equal("retry", Assert.Single(records, r => r.EventId == unwritten).Outcome);
        Assert.True(written.Sequence > head);
        Assert.Single(records, r => r.EventId == recorded);
        Assert.Equal((original.Sequence, original.Sequence), (redelivered.Sequence, third.Sequence));
        Assert.True((await this.NewLog().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Editing_a_record_s_event_id_breaks_the_chain()
    {
        string id = NewEventId();
        AuditRecord record = await this.NewLog().AppendAsync(Entry(id, "kept"));
        BlobClient blob = this.Container.GetBlobClient($"records/{record.Sequence:D12}.json");
        BinaryData original = (await blob.DownloadContentAsync()).Value.Content;
        string edited = original.ToString().Replace(id, id + "-forged", StringComparison.Ordinal);
        Assert.NotEqual(original.ToString(), edited);
        await blob.UploadAsync(BinaryData.FromString(edited), overwrite: true);
        try
        {
            AuditVerification verification = await this.NewLog().VerifyAsync();

            Assert.False(verification.Intact);
            Assert.Equal(record.Sequence, verification.FirstBrokenSequence);
        }
        finally
        {
            await blob.UploadAsync(original, overwrite: true);
        }
    }

    public void Dispose()
    {
        foreach (BlobAuditLog log in this.logs)
        {
            log.Dispose();
        }
    }

    private static string NewEventId() => $"test/{Guid.NewGuid():N}/started";

    private static AuditEntry Entry(string? eventId, string outcome) => new("tester", "test.event", "target", null, outcome, eventId);

    /// <summary>A fresh log instance: another host, with its own cached head.</summary>
    private BlobAuditLog NewLog()
    {
        var log = new BlobAuditLog(
            new BlobServiceClient(storage.ConnectionString),
            TimeProvider.System,
            TestMetrics.Create(),
            NullLogger<BlobAuditLog>.Instance);
        this.logs.Add(log);
        return log;
    }

    private async Task<IReadOnlyList<AuditRecord>> RecordsAsync()
    {
        var records = new List<AuditRecord>();
        await foreach (AuditRecord record in this.NewLog().ReadAsync())
        {
            records.Add(record);
        }

        return records;
    }
}
