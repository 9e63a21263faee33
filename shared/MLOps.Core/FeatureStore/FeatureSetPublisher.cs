using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Projects;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// Cleans a validated snapshot by the project's data contract, splits off the holdout, fits and engineers the
/// declared features on the training rows and commits the result to the offline store
/// (<see cref="FeatureSetEngineering"/>). The same snapshot under the same spec gives the same bytes and
/// therefore the same version.
/// </summary>
public sealed class FeatureSetPublisher(
    BlobServiceClient blobs,
    ProjectRegistry registry,
    FeatureSetBuilder builder,
    OfflineFeatureStore offline)
{
    public async Task<PublishedFeatureSet> PublishAsync(PublishFeatureSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IngestedFile snapshot = request.Snapshot;
        ProjectSpec spec = await registry.LoadSpecAsync(request.SpecBlob, cancellationToken);
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        StagedFeatureSet staged;
        FeatureSetWrite written;
        try
        {
            (staged, written) = await builder.StageAsync(
                snapshot.Project,
                (output, ct) => FeatureSetEngineering.WriteAsync(spec, snapshot.Columns, Read(snapshots.GetBlobClient(snapshot.SnapshotBlob), ct), output, cancellationToken: ct),
                cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // The snapshot is validated and every pass is deterministic: a retry would fail the same way.
            throw new DataRejectedException(ex.Message, ex);
        }

        FeatureSetCommit commit = await offline.CommitAsync(
            staged,
            new FeatureSetProvenance
            {
                SourceBlob = snapshot.SourceBlob,
                SourceETag = snapshot.SourceETag,
                SourceMd5 = snapshot.SourceMd5,
                RawSnapshotSha256 = snapshot.Sha256,
                SpecSha256 = ProjectSpecJson.Sha256(spec),
                ProfileBlob = SnapshotProfiler.ProfileBlob(snapshot),
                QualityReportBlob = request.QualityReportBlob,
            },
            cancellationToken);

        CleaningReport report = written.Cleaning!;
        string reports = $"{snapshot.Sha256}-{staged.DefinitionsSha256[..16]}.json";
        string reportBlob = $"{snapshot.Project}/cleaning/{reports}";
        await snapshots.GetBlobClient(reportBlob).TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(report)), cancellationToken);
        string engineeringBlob = $"{snapshot.Project}/engineering/{reports}";
        await snapshots.GetBlobClient(engineeringBlob).TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(written.Engineering)), cancellationToken);
        return new PublishedFeatureSet(
            commit.Version, commit.Created, reportBlob, report.RowsRead, report.DuplicateRowsDropped, report.InvalidRowsDropped)
        {
            EngineeringReportBlob = engineeringBlob,
            Warnings = written.Engineering.Warnings,
        };
    }

    private static async IAsyncEnumerable<CsvBatch> Read(BlobClient blob, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using Stream content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        await using var reader = new CsvRecordReader(content);
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            yield return batch;
        }
    }
}
