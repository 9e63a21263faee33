using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Profiles a content-addressed snapshot in one streaming pass and keeps the profile next to it, named by the
/// snapshot's hash: a replayed or retried activity finds the profile and does not profile again.
/// </summary>
public sealed class SnapshotProfiler(BlobServiceClient blobs)
{
    public async Task<ProfileSummary> ProfileAsync(IngestedFile snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        BlobClient target = snapshots.GetBlobClient($"{snapshot.Project}/profiles/{snapshot.Sha256}.json");
        DatasetProfile profile;
        if (await target.ExistsAsync(cancellationToken))
        {
            BlobDownloadResult existing = (await target.DownloadContentAsync(cancellationToken)).Value;
            profile = DataEngineeringJson.Deserialize<DatasetProfile>(existing.Content.ToString());
        }
        else
        {
            await using (Stream content = await snapshots.GetBlobClient(snapshot.SnapshotBlob).OpenReadAsync(cancellationToken: cancellationToken))
            await using (var reader = new CsvRecordReader(content))
            {
                profile = await ColumnProfiler.ProfileAsync(reader, cancellationToken: cancellationToken);
            }

            await CreateIfAbsentAsync(target, DataEngineeringJson.Serialize(profile), cancellationToken);
        }

        return new ProfileSummary(
            target.Name,
            profile.Rows,
            profile.Columns.Select(c => new ColumnSummary(c.Name, c.Type, c.Missing, c.Distinct)).ToArray());
    }

    private static async Task CreateIfAbsentAsync(BlobClient target, string json, CancellationToken cancellationToken)
    {
        try
        {
            await target.UploadAsync(
                BinaryData.FromString(json),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another run of the same snapshot wrote the same profile first.
        }
    }
}
