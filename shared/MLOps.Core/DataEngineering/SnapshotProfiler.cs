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

            // False means another run of the same snapshot stored the same profile first.
            await target.TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(profile)), cancellationToken);
        }

        return new ProfileSummary(
            target.Name,
            profile.Rows,
            profile.Columns.Select(c => new ColumnSummary(c.Name, c.Type, c.Missing, c.Distinct)).ToArray());
    }
}
