using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Observability;
using MLOps.Core.Registry;

namespace MLOps.Core.Storage;

/// <summary>
/// Deletes staging blobs a crashed step left behind: every staged write commits by a create-if-absent copy to its
/// final name and deletes its staging copy, so one older than the grace period belongs to no live step. Staging
/// areas: raw snapshots and feature-set files (<c>snapshots/_staging/</c>) and model packages
/// (<c>models/_staging/</c>). Run by both hosts on start and on a timer; counted as <c>mlops.staging.swept</c>.
/// </summary>
public sealed class StagingSweeper(
    BlobServiceClient blobs, TimeProvider clock, PlatformMetrics metrics, IOptions<StagingSweepOptions> options, ILogger<StagingSweeper> logger)
{
    public static readonly IReadOnlyList<(string Container, string Prefix)> Areas =
    [
        (BlobContainers.Snapshots, FeatureSetBuilder.StagingPrefix),
        (TableModelRegistry.ArtifactContainer, TableModelRegistry.StagingPrefix),
    ];

    /// <summary>Deletes the abandoned staging blobs; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset cutoff = clock.GetUtcNow() - options.Value.GracePeriod;
        int total = 0;
        foreach ((string container, string prefix) in Areas)
        {
            BlobContainerClient client = blobs.GetBlobContainerClient(container);
            if (!await client.ExistsAsync(cancellationToken))
            {
                continue;
            }

            int deleted = 0;
            await foreach (BlobItem item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                if (item.Properties.LastModified is { } modified && modified < cutoff
                    && await DeleteAsync(client.GetBlobClient(item.Name), cancellationToken))
                {
                    deleted++;
                }
            }

            if (deleted > 0)
            {
                metrics.StagingSwept(container, deleted);
                logger.LogWarning("Swept {Count} abandoned staging blob(s) older than {Cutoff:O} from {Container}/{Prefix}.", deleted, cutoff, container, prefix);
            }

            total += deleted;
        }

        return total;
    }

    private static async Task<bool> DeleteAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Leased or being copied: a live operation after all; the next sweep looks again.
            return false;
        }
    }
}
