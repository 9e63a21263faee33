using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using MLOps.Core.Observability;
using MLOps.Core.Storage;

namespace MLOps.Core.Audit;

/// <summary>
/// The audit chain in Blob storage, one blob per record named by its zero-padded sequence number. A record is
/// committed by a create-if-absent write, so two writers (two hosts, or a retried activity beside a live one)
/// can never both take the same sequence number: the loser reads the winner's record and links after it.
/// An entry with an event id is appended at most once: its claim (<see cref="AuditEventClaim"/>) is created
/// before the record, and a writer links a record of the event only after reading every record between the
/// claim's head and the end of the chain, so of two deliveries racing (or one finishing what a crashed one
/// began) the later one finds the earlier one's record and returns it.
/// </summary>
public sealed class BlobAuditLog(
    BlobServiceClient blobs, TimeProvider clock, PlatformMetrics metrics, ILogger<BlobAuditLog> logger) : IAuditLog, IDisposable
{
    private const string Prefix = "records/";
    private const string ClaimPrefix = "events/";
    private readonly SemaphoreSlim gate = new(1, 1);
    private AuditRecord? head;

    private BlobContainerClient Container => blobs.GetBlobContainerClient(BlobContainers.Audit);

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await this.gate.WaitAsync(cancellationToken);
        try
        {
            await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            this.head ??= await this.FindHeadAsync(cancellationToken);
            return entry.EventId is null
                ? await this.LinkAsync(entry, cancellationToken)
                : await this.AppendEventAsync(entry, entry.EventId, cancellationToken);
        }
        finally
        {
            this.gate.Release();
        }
    }

    public async IAsyncEnumerable<AuditRecord> ReadAsync(
        long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await this.Container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        // Blob listings are in lexical order, which the zero-padded names make sequence order.
        string startAfter = BlobName(afterSequence);
        await foreach (BlobItem item in this.Container.GetBlobsAsync(
            new GetBlobsOptions { Prefix = Prefix }, cancellationToken))
        {
            if (string.CompareOrdinal(item.Name, startAfter) > 0)
            {
                yield return await this.ReadBlobAsync(item.Name, cancellationToken);
            }
        }
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<AuditRecord>();
        await foreach (AuditRecord record in this.ReadAsync(0, cancellationToken))
        {
            records.Add(record);
        }

        return AuditVerification.Verify(records);
    }

    public void Dispose() => this.gate.Dispose();

    /// <summary>The claim blob of an event: named by the hash of its id, which may hold any character.</summary>
    public static string ClaimName(string eventId) => $"{ClaimPrefix}{ContentHash.Sha256(eventId)}.json";

    private async Task<AuditRecord> AppendEventAsync(AuditEntry entry, string eventId, CancellationToken cancellationToken)
    {
        BlobClient claimBlob = this.Container.GetBlobClient(ClaimName(eventId));
        long claimHead = this.head?.Sequence ?? 0;
        if (!await claimBlob.TryCreateAsync(BinaryData.FromObjectAsJson(new AuditEventClaim(eventId, claimHead, null)), cancellationToken))
        {
            AuditEventClaim claim = (await claimBlob.DownloadContentAsync(cancellationToken)).Value.Content.ToObjectFromJson<AuditEventClaim>()
                ?? throw new JsonException($"The audit claim of event '{eventId}' is empty.");
            if (claim.Sequence is { } sequence)
            {
                AuditRecord recorded = await this.TryReadAsync(sequence, cancellationToken) is { } found && found.EventId == eventId
                    ? found
                    : throw new InvalidOperationException($"The audit claim of event '{eventId}' points at record {sequence}, which does not hold it.");
                this.Duplicate(recorded);
                return recorded;
            }

            // Claimed by a delivery that crashed or is still writing: its record, if any, comes after the claim's head.
            claimHead = claim.HeadAtClaim;
            this.head = claimHead == 0
                ? null
                : await this.TryReadAsync(claimHead, cancellationToken)
                    ?? throw new InvalidOperationException($"Audit record {claimHead}, the head when event '{eventId}' was claimed, cannot be read.");
        }

        AuditRecord record = await this.LinkAsync(entry, cancellationToken);

        // The claim's sequence only saves a later delivery the walk; a crash before this line costs nothing else.
        await claimBlob.UploadAsync(
            BinaryData.FromObjectAsJson(new AuditEventClaim(eventId, claimHead, record.Sequence)), overwrite: true, cancellationToken);
        return record;
    }

    /// <summary>
    /// Links the entry after the head: tries the next sequence number and, when another writer took it, reads that
    /// record and every one after it before trying again. An entry with an event id returns the first of those
    /// records that already holds its event instead of linking a second one.
    /// </summary>
    private async Task<AuditRecord> LinkAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        while (true)
        {
            AuditRecord record = AuditRecord.Create(
                (this.head?.Sequence ?? 0) + 1, clock.GetUtcNow(), entry, this.head?.Hash ?? AuditRecord.GenesisHash);
            if (await this.Container.GetBlobClient(BlobName(record.Sequence)).TryCreateAsync(
                BinaryData.FromObjectAsJson(record), cancellationToken))
            {
                this.head = record;
                metrics.AuditRecordAppended();
                return record;
            }

            logger.LogDebug("Audit sequence {Sequence} taken by another writer; reading on.", record.Sequence);
            AuditRecord? taken = await this.TryReadAsync(record.Sequence, cancellationToken)
                ?? throw new InvalidOperationException($"Audit record {record.Sequence} exists but cannot be read.");
            while (true)
            {
                this.head = taken;
                if (entry.EventId is not null && taken.EventId == entry.EventId)
                {
                    this.Duplicate(taken);
                    return taken;
                }

                if (await this.TryReadAsync(taken.Sequence + 1, cancellationToken) is not { } next)
                {
                    break;
                }

                taken = next;
            }
        }
    }

    private void Duplicate(AuditRecord recorded)
    {
        metrics.AuditDuplicateIgnored();
        logger.LogInformation("Audit event {EventId} is already record {Sequence}; nothing appended.", recorded.EventId, recorded.Sequence);
    }

    internal static string BlobName(long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}{sequence:D12}.json");

    private async Task<AuditRecord?> FindHeadAsync(CancellationToken cancellationToken)
    {
        AuditRecord? last = null;
        string? lastName = null;
        await foreach (BlobItem item in this.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken))
        {
            lastName = item.Name;
        }

        if (lastName is not null)
        {
            last = await this.ReadBlobAsync(lastName, cancellationToken);
        }

        return last;
    }

    private async Task<AuditRecord?> TryReadAsync(long sequence, CancellationToken cancellationToken)
    {
        try
        {
            return await this.ReadBlobAsync(BlobName(sequence), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<AuditRecord> ReadBlobAsync(string name, CancellationToken cancellationToken)
    {
        BlobDownloadResult content = await this.Container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return content.Content.ToObjectFromJson<AuditRecord>()
            ?? throw new JsonException($"Audit blob '{name}' is empty.");
    }
}
