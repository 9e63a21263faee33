using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Reads a landed file once, hashing it and noting its record boundaries as it streams into a staged copy,
/// checks the staged copy is well-formed CSV, and only then commits it as the content-addressed snapshot. A landed
/// Parquet file is converted to CSV on the way (<see cref="ParquetToCsv"/>), so every later step reads one format;
/// its snapshot is still named by the hash of the landed bytes. Same
/// bytes give the same snapshot name, and the commit is a create-if-absent copy, so retries and replays never
/// leave a second, half-written or malformed copy.
/// </summary>
public sealed class LandingIngestor(BlobServiceClient blobs, IOptions<DataEngineeringOptions> options)
{
    public async Task<IngestedFile> IngestAsync(DataEngineeringRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        DataEngineeringOptions limits = options.Value;
        BlobClient source = blobs.GetBlobContainerClient(request.Container).GetBlobClient(request.BlobName);
        var conditions = string.IsNullOrEmpty(request.ETag) ? null : new BlobRequestConditions { IfMatch = new ETag(request.ETag) };
        BlobDownloadStreamingResult download = await DownloadAsync(source, conditions, cancellationToken);
        long length = download.Details.ContentLength;
        if (length > limits.MaxFileBytes)
        {
            download.Dispose();
            throw new DataRejectedException($"'{request.BlobName}' is {length} bytes; the limit is {limits.MaxFileBytes} (DataEngineering:MaxFileBytes).");
        }

        if (length == 0)
        {
            download.Dispose();
            throw new DataRejectedException($"'{request.BlobName}' is empty.");
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var shape = new CsvShape(limits.ChunkRows);
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        await snapshots.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BlobClient staging = snapshots.GetBlobClient($"_staging/{Guid.NewGuid():N}");
        try
        {
            long bytes = IsParquet(request.BlobName)
                ? await StageParquetAsync(download.Content, staging, sha, shape, request.BlobName, cancellationToken)
                : await StageCopyAsync(download.Content, staging, sha, shape, cancellationToken);
            long rows = await CheckWellFormedAsync(staging, request.BlobName, cancellationToken);
            shape.Complete();
            string digest = Convert.ToHexStringLower(sha.GetHashAndReset());
            string snapshotName = RawSnapshotBlob(request.Project, digest);
            bool created = await snapshots.GetBlobClient(snapshotName).TryCreateFromAsync(staging, cancellationToken);
            string? md5 = download.Details.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : null;
            return new IngestedFile(
                request.Project, request.BlobName, download.Details.ETag.ToString(), md5, digest, bytes, rows,
                shape.Columns, snapshotName, created, [shape.DataStart, .. shape.ChunkStarts],
                shape.Columns.Chunk(Math.Max(1, limits.ColumnGroupSize)).Select(g => (IReadOnlyList<string>)g).ToArray(),
                LandedBytes: length);
        }
        finally
        {
            await staging.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>A Parquet file is converted to the CSV snapshot; any other landed file is taken to be CSV as it is.</summary>
    private static bool IsParquet(string blobName) => blobName.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies the landed CSV bytes unchanged into the staged snapshot, hashing them and noting their shape.</summary>
    private static async Task<long> StageCopyAsync(
        Stream landed, BlobClient staging, IncrementalHash sha, CsvShape shape, CancellationToken cancellationToken)
    {
        long bytes = 0;
        await using (Stream content = landed)
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

        return bytes;
    }

    /// <summary>
    /// Spools the landed Parquet file to a local temp file, hashing the landed bytes (the snapshot stays named by
    /// what landed, so the same Parquet bytes make no new snapshot), then converts it into the staged snapshot,
    /// noting the shape of the CSV written, since chunk offsets are ranges of the snapshot, not of the Parquet file.
    /// The spool exists because Parquet keeps its directory in the footer and the reader needs to seek.
    /// </summary>
    private static async Task<long> StageParquetAsync(
        Stream landed, BlobClient staging, IncrementalHash sha, CsvShape shape, string name, CancellationToken cancellationToken)
    {
        string spool = Path.Combine(Path.GetTempPath(), $"mlops-landing-{Guid.NewGuid():N}.parquet");
        try
        {
            await using var local = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (Stream content = landed)
            {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await local.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            local.Position = 0;
            await using Stream staged = await staging.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
            await using var shaping = new ObservedWriteStream(staged, shape.Add);
            await ParquetToCsv.ConvertAsync(local, shaping, name, cancellationToken);
            return shaping.Length;
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>Where the raw snapshot of the given content lives in the snapshots container.</summary>
    public static string RawSnapshotBlob(string project, string sha256) => $"{project}/raw/{sha256}.csv";

    private static async Task<BlobDownloadStreamingResult> DownloadAsync(
        BlobClient source, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        try
        {
            return (await source.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            if (ex.Status == 412 && await CurrentETagAsync(source, cancellationToken) is { } current)
            {
                throw new LandingBlobSupersededException(
                    $"'{source.BlobContainerName}/{source.Name}' was superseded by ETag {current} before it was ingested (this run was for {conditions?.IfMatch}); the new version has its own run.", ex);
            }

            throw new DataRejectedException($"'{source.BlobContainerName}/{source.Name}' does not exist.", ex);
        }
    }

    private static async Task<ETag?> CurrentETagAsync(BlobClient source, CancellationToken cancellationToken)
    {
        try
        {
            return (await source.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Overwritten, then deleted: nothing supersedes it; the file is simply gone.
            return null;
        }
    }

    /// <summary>Reads every record of the staged copy; a malformed file is rejected naming the record and line.</summary>
    private static async Task<long> CheckWellFormedAsync(BlobClient staged, string name, CancellationToken cancellationToken)
    {
        try
        {
            await using Stream content = await staged.OpenReadAsync(cancellationToken: cancellationToken);
            await using var reader = new CsvRecordReader(content);
            long rows = 0;
            await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
            {
                rows += batch.Records.Count;
            }

            return rows;
        }
        catch (CsvFormatException ex)
        {
            throw new DataRejectedException($"'{name}' is not valid CSV: {ex.Message}", ex);
        }
    }
}
