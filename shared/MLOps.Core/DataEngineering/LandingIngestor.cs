using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Reads a landed file once, hashing it and counting its rows as it streams, and keeps a content-addressed copy
/// in the snapshot store. Same bytes give the same snapshot name, and the copy is made by a create-if-absent
/// write from a staged temporary blob, so retries and replays never leave a second or half-written copy.
/// </summary>
public sealed class LandingIngestor(BlobServiceClient blobs)
{
    public async Task<IngestedFile> IngestAsync(DataEngineeringRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        BlobClient source = blobs.GetBlobContainerClient(request.Container).GetBlobClient(request.BlobName);
        var conditions = string.IsNullOrEmpty(request.ETag) ? null : new BlobRequestConditions { IfMatch = new ETag(request.ETag) };
        BlobDownloadStreamingResult download = (await source.DownloadStreamingAsync(
            new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value;

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var shape = new CsvShape();
        long bytes = 0;
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        await snapshots.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BlobClient staging = snapshots.GetBlobClient($"_staging/{Guid.NewGuid():N}");

        await using (Stream content = download.Content)
        await using (Stream staged = await staging.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken))
        {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                shape.Add(buffer.AsSpan(0, read));
                await staged.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }
        }

        shape.Complete();
        string digest = Convert.ToHexStringLower(sha.GetHashAndReset());
        string snapshotName = $"{request.Project}/raw/{digest}.csv";
        bool created = await CommitAsync(staging, snapshots.GetBlobClient(snapshotName), cancellationToken);
        return new IngestedFile(
            request.Project, request.BlobName, download.Details.ETag.ToString(), digest, bytes, shape.DataRows,
            shape.Columns, snapshotName, created);
    }

    private static async Task<bool> CommitAsync(BlobClient staging, BlobClient target, CancellationToken cancellationToken)
    {
        try
        {
            if (await target.ExistsAsync(cancellationToken))
            {
                return false;
            }

            // Server-side copy with a create-if-absent condition: the target appears whole or not at all.
            CopyFromUriOperation copy = await target.StartCopyFromUriAsync(
                staging.Uri,
                new BlobCopyFromUriOptions { DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            await copy.WaitForCompletionAsync(cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
        finally
        {
            await staging.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
