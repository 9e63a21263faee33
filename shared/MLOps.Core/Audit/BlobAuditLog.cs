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
/// </summary>
public sealed class BlobAuditLog(
    BlobServiceClient blobs, TimeProvider clock, PlatformMetrics metrics, ILogger<BlobAuditLog> logger) : IAuditLog, IDisposable
{
    private const string Prefix = "records/";
    private readonly SemaphoreSlim gate = new(1, 1);
    private AuditRecord? head;

    private BlobContainerClient Container => blobs.GetBlobContainerClient(BlobContainers.Audit);

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await this.gate.WaitAsync(cancellationToken);
        try
        {
            await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            this.head ??= await this.FindHeadAsync(cancellationToken);
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

                // Another writer took this sequence number; link after its record instead.
                logger.LogDebug("Audit sequence {Sequence} taken by another writer; retrying.", record.Sequence);
                this.head = await this.TryReadAsync(record.Sequence, cancellationToken)
                    ?? throw new InvalidOperationException($"Audit record {record.Sequence} exists but cannot be read.");
                this.head = await this.FollowAsync(this.head, cancellationToken);
            }
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

    private async Task<AuditRecord> FollowAsync(AuditRecord from, CancellationToken cancellationToken)
    {
        AuditRecord current = from;
        while (await this.TryReadAsync(current.Sequence + 1, cancellationToken) is { } next)
        {
            current = next;
        }

        return current;
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
