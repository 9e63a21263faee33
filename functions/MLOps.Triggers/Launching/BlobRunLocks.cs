using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core;
using MLOps.Core.Storage;

namespace MLOps.Triggers.Launching;

/// <summary>
/// Run locks as blobs (<c>run-locks/{sha256(resource)}</c>, holding the resource and the instance id): created if
/// absent, or taken over from a finished or stale holder by an ETag-conditional write, so of concurrent callers
/// exactly one takes a resource. Resources are taken in order; a caller refused one gives back those it took.
/// </summary>
public sealed class BlobRunLocks(BlobServiceClient blobs, TimeProvider clock) : IRunLocks
{
    private const int MaxAttempts = 5;

    private BlobContainerClient? container;

    public async Task<RunLockHolder?> TryAcquireAsync(
        IReadOnlyList<string> resources,
        string instanceId,
        Func<string, CancellationToken, Task<bool?>> isRunning,
        TimeSpan staleAfter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(isRunning);
        BlobContainerClient locks = await this.ContainerAsync(cancellationToken);
        var taken = new List<(BlobClient Blob, ETag ETag)>();
        foreach (string resource in resources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            BlobClient blob = locks.GetBlobClient(ContentHash.Sha256(resource));
            (ETag? etag, RunLockHolder? holder) = await this.TakeAsync(blob, resource, instanceId, isRunning, staleAfter, cancellationToken);
            if (etag is null)
            {
                await GiveBackAsync(taken);
                return holder;
            }

            taken.Add((blob, etag.Value));
        }

        return null;
    }

    private async Task<(ETag? Taken, RunLockHolder? Holder)> TakeAsync(
        BlobClient blob, string resource, string instanceId, Func<string, CancellationToken, Task<bool?>> isRunning, TimeSpan staleAfter,
        CancellationToken cancellationToken)
    {
        BinaryData content = BinaryData.FromObjectAsJson(new LockContent(resource, instanceId, clock.GetUtcNow()));
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                BlobContentInfo created = (await blob.UploadAsync(
                    content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)).Value;
                return (created.ETag, null);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Held: read who holds it.
            }

            try
            {
                BlobDownloadResult current = (await blob.DownloadContentAsync(cancellationToken)).Value;
                LockContent? held = Read(current.Content);
                bool? running = held is null || held.InstanceId == instanceId ? false : await isRunning(held.InstanceId, cancellationToken);
                bool fresh = clock.GetUtcNow() - current.Details.LastModified < staleAfter;
                if (held is not null && held.InstanceId != instanceId && (running == true || (running is null && fresh)))
                {
                    return (null, new RunLockHolder(resource, held.InstanceId));
                }

                BlobContentInfo replaced = (await blob.UploadAsync(
                    content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = current.Details.ETag } }, cancellationToken)).Value;
                return (replaced.ETag, null);
            }
            catch (RequestFailedException ex) when ((ex.Status is 404 or 409 or 412) && attempt < MaxAttempts)
            {
                // Another caller took it over (or it vanished) between read and write: look again.
            }
        }
    }

    /// <summary>Best effort: a lock left behind names a run that never starts, and goes stale.</summary>
    private static async Task GiveBackAsync(List<(BlobClient Blob, ETag ETag)> taken)
    {
        foreach ((BlobClient blob, ETag etag) in taken)
        {
            try
            {
                await blob.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = etag }, cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Taken over meanwhile: theirs now.
            }
        }
    }

    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        if (this.container is null)
        {
            BlobContainerClient created = blobs.GetBlobContainerClient(BlobContainers.RunLocks);
            await created.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            this.container = created;
        }

        return this.container;
    }

    /// <summary>A lock whose content cannot be read names no run, and is taken over.</summary>
    private static LockContent? Read(BinaryData content)
    {
        try
        {
            return content.ToObjectFromJson<LockContent>() is { InstanceId.Length: > 0 } held ? held : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record LockContent(string Resource, string InstanceId, DateTimeOffset TakenAt);
}
