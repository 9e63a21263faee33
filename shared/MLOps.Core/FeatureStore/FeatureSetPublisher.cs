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
/// result to the offline store, streaming: raw records → cleaned records → feature rows → Parquet.
/// A first pass cleans and profiles the cleaned rows: the change guard (<see cref="CleaningGuard"/>) judges it
/// before anything is built, and the feature transforms are fitted on that profile (the values as cleaning writes
/// them), so the same snapshot under the same definitions gives the same bytes and therefore the same version.
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
        CleaningPlan plan = DataContract.CleaningPlan(spec.DataRules, spec.Target.Column);
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);

        // First pass: clean and profile the cleaned rows. The change guard judges the pass before anything is built
        // or committed, and the features are fitted on the values as cleaning writes them, not as they landed.
        (CleaningReport report, DatasetProfile cleaned) = await CleanAndProfileAsync(snapshots, snapshot, plan, profile, cancellationToken);
        CleaningVerdict guard = CleaningGuard.Review(spec, report);
        var record = new CleaningRecord(snapshot.SourceBlob, report, guard);
        (string reportBlob, string reportHtml) = await ReportFiles.WriteAsync(
            snapshots, CleaningReportName(snapshot.Project, snapshot.Sha256, FeatureDefinitionsHash.Of(spec.Features)), record, CleaningReportHtml.Render(record), cancellationToken);
        if (!guard.Passed)
        {
            throw new DataRejectedException($"'{snapshot.SourceBlob}': {guard.DescribeFailures()} (report {reportHtml})");
        }

        FittedFeatureSet features = FeatureEngineer.Fit(spec, cleaned);
        CleaningRun cleaning = new DataCleaner(plan).Start(snapshot.Columns, profile);
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

        return new PublishedFeatureSet(
            commit.Version, commit.Created, reportBlob, report.RowsRead, report.DuplicateRowsDropped, report.InvalidRowsDropped)
        {
            CleaningReportHtmlBlob = reportHtml,
            DuplicateRowsFound = report.DuplicateRowsFound,
            Warnings = [.. guard.Warnings.Select(w => w.Message)],
        };
    }

    private static async Task<(CleaningReport Report, DatasetProfile Cleaned)> CleanAndProfileAsync(
        BlobContainerClient snapshots, IngestedFile snapshot, CleaningPlan plan, DatasetProfile profile, CancellationToken cancellationToken)
    {
        CleaningRun cleaning = new DataCleaner(plan).Start(snapshot.Columns, profile);
        var cleanedProfiler = new ColumnProfiler(snapshot.Columns);
        await using Stream content = await snapshots.GetBlobClient(snapshot.SnapshotBlob).OpenReadAsync(cancellationToken: cancellationToken);
        await using var reader = new CsvRecordReader(content);
        await foreach (CsvBatch batch in Clean(reader, cleaning, cancellationToken))
        {
            cleanedProfiler.Add(batch);
        }

        return (cleaning.Report, ColumnProfiler.Finish(cleanedProfiler.ToPartial()));
    }

    /// <summary>The cleaning report (JSON) of a snapshot under a set of feature definitions; a feature-set version's record names both hashes.</summary>
    public static string CleaningReportBlob(string project, string snapshotSha256, string definitionsSha256) =>
        CleaningReportName(project, snapshotSha256, definitionsSha256) + ".json";

    /// <summary>The cleaning report's name without extension: <see cref="ReportFiles"/> writes it as .json and .html.</summary>
    private static string CleaningReportName(string project, string snapshotSha256, string definitionsSha256) =>
        $"{project}/cleaning/{snapshotSha256}-{definitionsSha256[..16]}";

    private static async IAsyncEnumerable<CsvBatch> Clean(
        CsvRecordReader reader, CleaningRun cleaning, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            yield return cleaning.Clean(batch);
        }
    }
}
