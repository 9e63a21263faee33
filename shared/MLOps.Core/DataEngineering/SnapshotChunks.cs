using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>Opens one record-aligned chunk of a raw snapshot as a CSV of its own: the file's header, then the chunk's bytes.</summary>
public static class SnapshotChunks
{
    public static async Task<CsvRecordReader> OpenAsync(
        BlobServiceClient blobs, IngestedFile snapshot, int chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(snapshot);
        BlobClient blob = blobs.GetBlobContainerClient(BlobContainers.Snapshots).GetBlobClient(snapshot.SnapshotBlob);
        (long start, long end) = snapshot.Chunk(chunk);
        Stream header = await RangeAsync(blob, 0, snapshot.DataStart, cancellationToken);
        Stream records = await RangeAsync(blob, start, end - start, cancellationToken);
        return new CsvRecordReader(new ConcatenatedStream(header, records), new CsvReaderOptions { AllowHeaderOnly = true });
    }

    private static async Task<Stream> RangeAsync(BlobClient blob, long offset, long length, CancellationToken cancellationToken) =>
        length == 0
            ? new MemoryStream()
            : (await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken)).Value.Content;
}
