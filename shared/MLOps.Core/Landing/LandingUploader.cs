using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using MLOps.Core.DataEngineering;
using MLOps.Core.Storage;

namespace MLOps.Core.Landing;

/// <summary>
/// Lands a file from a stream as <c>landing/{project}/{file}</c> without holding it in memory: the bytes are staged as
/// uncommitted blocks of <see cref="BlockBytes"/>, counted against <c>DataEngineering:MaxFileBytes</c> as they arrive,
/// and committed by one create-only block-list write once the stream ends. Until that commit nothing is visible under
/// the name (blocks of an abandoned upload are never committed and the service discards them), so the landing trigger
/// only ever sees whole files.
/// </summary>
public sealed class LandingUploader(BlobServiceClient blobs, IOptions<DataEngineeringOptions> options)
{
    public const int BlockBytes = 4 * 1024 * 1024;

    public long MaxBytes => options.Value.MaxFileBytes;

    public async Task<LandingUploadResult> UploadAsync(string project, string fileName, Stream body, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.Landing);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string name = $"{project}/{fileName}";
        BlockBlobClient blob = container.GetBlockBlobClient(name);

        // Block ids must be of one length within a blob; the upload's own prefix keeps concurrent uploads apart.
        string upload = Guid.NewGuid().ToString("N");
        var blocks = new List<string>();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        long total = 0;
        try
        {
            int filled;
            while ((filled = await FillAsync(body, buffer, cancellationToken)) > 0)
            {
                total += filled;
                if (total > this.MaxBytes)
                {
                    return new LandingUploadResult(LandingUploadStatus.TooLarge, total);
                }

                sha.AppendData(buffer, 0, filled);
                string id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{upload}-{blocks.Count:D6}"));
                using var chunk = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(id, chunk, cancellationToken: cancellationToken);
                blocks.Add(id);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (total == 0)
        {
            return new LandingUploadResult(LandingUploadStatus.Empty, 0);
        }

        try
        {
            BlobContentInfo info = await blob.CommitBlockListAsync(
                blocks,
                new CommitBlockListOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType ?? "application/octet-stream" },
                },
                cancellationToken);
            return new LandingUploadResult(
                LandingUploadStatus.Committed, total, new LandingBlob(BlobContainers.Landing, name, info.ETag.ToString(), total), Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return new LandingUploadResult(LandingUploadStatus.Exists, total);
        }
    }

    /// <summary>Reads until the buffer is full or the stream ends; a network stream hands over bytes in small pieces.</summary>
    private static async Task<int> FillAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        int filled = 0, read;
        while (filled < BlockBytes && (read = await body.ReadAsync(buffer.AsMemory(filled, BlockBytes - filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
