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
/// Cleans a validated snapshot by the project's data contract, engineers its declared features and commits the
/// result to the offline store, in one streaming pass: raw records → cleaned records → feature rows → Parquet.
/// The feature transforms are fitted on the snapshot's profile, so the same snapshot under the same
/// definitions gives the same bytes and therefore the same version.
/// </summary>
public sealed class FeatureSetPublisher(
    BlobServiceClient blobs,
    ProjectRegistry registry,
    SnapshotProfiler profiler,
    FeatureSetBuilder builder,
    OfflineFeatureStore offline)
{
    public async Task<PublishedFeatureSet> PublishAsync(PublishFeatureSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IngestedFile snapshot = request.Snapshot;
        ProjectSpec spec = await registry.LoadSpecAsync(request.SpecBlob, cancellationToken);
        DatasetProfile profile = await profiler.LoadAsync(snapshot, cancellationToken);
        FittedFeatureSet features = FeatureEngineer.Fit(spec, profile);
        CleaningRun cleaning = new DataCleaner(DataContract.CleaningPlan(spec.DataRules, spec.Target.Column)).Start(snapshot.Columns, profile);

        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        StagedFeatureSet staged;
        await using (Stream content = await snapshots.GetBlobClient(snapshot.SnapshotBlob).OpenReadAsync(cancellationToken: cancellationToken))
        await using (var reader = new CsvRecordReader(content))
        {
            staged = await builder.BuildAsync(
                snapshot.Project, Clean(reader, cleaning, cancellationToken), features, FeatureSetSource.Of(spec), cancellationToken: cancellationToken);
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

        CleaningReport report = cleaning.Report;
        string reportBlob = CleaningReportBlob(snapshot.Project, snapshot.Sha256, features.DefinitionsSha256);
        await snapshots.GetBlobClient(reportBlob).TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(report)), cancellationToken);
        return new PublishedFeatureSet(
            commit.Version, commit.Created, reportBlob, report.RowsRead, report.DuplicateRowsDropped, report.InvalidRowsDropped);
    }

    /// <summary>The cleaning report of a snapshot under a set of feature definitions; a feature-set version's record names both hashes.</summary>
    public static string CleaningReportBlob(string project, string snapshotSha256, string definitionsSha256) =>
        $"{project}/cleaning/{snapshotSha256}-{definitionsSha256[..16]}.json";

    private static async IAsyncEnumerable<CsvBatch> Clean(
        CsvRecordReader reader, CleaningRun cleaning, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            yield return cleaning.Clean(batch);
        }
    }
}
