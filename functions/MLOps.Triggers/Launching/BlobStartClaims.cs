using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core;
using MLOps.Core.Storage;

namespace MLOps.Triggers.Launching;

/// <summary>
/// Start claims as create-if-absent blobs (<c>start-claims/{sha256(id)}/{generation}</c>), taken over by an
/// ETag-conditional write once stale (the claimant died before scheduling), deleted once the run is scheduled.
/// </summary>
public sealed class BlobStartClaims(BlobServiceClient blobs, TimeProvider clock) : IStartClaims
{
    private BlobContainerClient? container;

    public async Task<bool> TryClaimAsync(string instanceId, string generation, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        BlobContainerClient claims = await this.ContainerAsync(cancellationToken);
        BlobClient claim = claims.GetBlobClient(Name(instanceId, generation));
        BinaryData content = BinaryData.FromObjectAsJson(new { instanceId, generation, claimedAt = clock.GetUtcNow() });
        if (await claim.TryCreateAsync(content, cancellationToken))
        {
            return true;
        }

        try
        {
            BlobProperties existing = (await claim.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (clock.GetUtcNow() - existing.LastModified < staleAfter)
            {
                return false;
            }

            await claim.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = existing.ETag } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Another caller took the stale claim over first (or it vanished under us): theirs is the start.
            return false;
        }
    }

    public async Task ReleaseAsync(string instanceId, string generation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        try
        {
            BlobContainerClient claims = await this.ContainerAsync(cancellationToken);
            await claims.GetBlobClient(Name(instanceId, generation)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Left behind, the claim goes stale; meanwhile the backend refuses a second start of the scheduled run.
        }
    }

    private static string Name(string instanceId, string generation) => $"{ContentHash.Sha256(instanceId)}/{generation}";

    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        if (this.container is null)
        {
            BlobContainerClient created = blobs.GetBlobContainerClient(BlobContainers.StartClaims);
            await created.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            this.container = created;
        }

        return this.container;
    }
}
