using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Profiles a content-addressed snapshot by fan-out: one partial profile per (row chunk, column group), merged
/// into the snapshot's profile, which is kept next to it under its hash. Partials are named by the snapshot's
/// hash and their cell, so a retried or replayed activity finds its own earlier work.
/// </summary>
public sealed class SnapshotProfiler(BlobServiceClient blobs)
{
    private BlobContainerClient Snapshots => blobs.GetBlobContainerClient(BlobContainers.Snapshots);

    public static string ProfileBlob(IngestedFile snapshot) => $"{snapshot.Project}/profiles/{snapshot.Sha256}.json";

    public async Task<string> ProfileChunkAsync(ProfileChunkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IngestedFile snapshot = request.Snapshot;
        BlobClient target = this.Snapshots.GetBlobClient($"{snapshot.Project}/work/{snapshot.Sha256}/profile-c{request.Chunk:D5}-g{request.Group:D3}.json");

        // The same bytes landed again: the merged profile already exists, so the merge will not need this cell.
        if (await this.Snapshots.GetBlobClient(ProfileBlob(snapshot)).ExistsAsync(cancellationToken) || await target.ExistsAsync(cancellationToken))
        {
            return target.Name;
        }

        await using CsvRecordReader reader = await SnapshotChunks.OpenAsync(blobs, snapshot, request.Chunk, cancellationToken);
        var profiler = new ColumnProfiler(await reader.ReadHeaderAsync(cancellationToken), columns: request.Columns);
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            profiler.Add(batch);
        }

        await target.TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(profiler.ToPartial())), cancellationToken);
        return target.Name;
    }

    public async Task<ProfileSummary> MergeAsync(ProfileMergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        BlobClient target = this.Snapshots.GetBlobClient(ProfileBlob(request.Snapshot));
        DatasetProfile profile;
        if (await target.ExistsAsync(cancellationToken))
        {
            profile = await this.LoadAsync(request.Snapshot, cancellationToken);
        }
        else
        {
            PartialProfile? merged = null;
            foreach (IReadOnlyList<string> chunk in request.Partials)
            {
                PartialProfile? rows = null;
                foreach (string group in chunk)
                {
                    PartialProfile part = await this.ReadAsync<PartialProfile>(group, cancellationToken);
                    rows = rows is null ? part : ColumnProfiler.MergeColumnGroups(rows, part);
                }

                merged = merged is null ? rows : ColumnProfiler.MergeChunks(merged, rows!);
            }

            profile = ColumnProfiler.Finish(merged ?? throw new ArgumentException("There are no partial profiles to merge.", nameof(request)));

            // False means another run of the same snapshot stored the same profile first.
            await target.TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(profile)), cancellationToken);
        }

        foreach (string partial in request.Partials.SelectMany(p => p))
        {
            await this.Snapshots.GetBlobClient(partial).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        return new ProfileSummary(
            target.Name,
            profile.Rows,
            profile.Columns.Select(c => new ColumnSummary(c.Name, c.Type, c.Missing, c.Distinct)).ToArray());
    }

    public Task<DatasetProfile> LoadAsync(IngestedFile snapshot, CancellationToken cancellationToken = default) =>
        this.ReadAsync<DatasetProfile>(ProfileBlob(snapshot), cancellationToken);

    private async Task<T> ReadAsync<T>(string name, CancellationToken cancellationToken)
    {
        BlobDownloadResult result = (await this.Snapshots.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
        return DataEngineeringJson.Deserialize<T>(result.Content.ToString());
    }
}
