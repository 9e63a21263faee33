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
/// (<see cref="FeatureSetEngineering"/>). The change guard (<see cref="CleaningGuard"/>) judges the cleaning pass
/// before anything is fitted; a failure leaves its report and no version. The same snapshot under the same spec
/// gives the same bytes and therefore the same version.
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

        string reportName = CleaningReportName(snapshot.Project, snapshot.Sha256, FeatureDefinitionsHash.Of(spec.Features));
        CleaningVerdict? guard = null;

        // The change guard judges the cleaning pass before anything is fitted; a failure stops the run with its report.
        async Task JudgeCleaningAsync(CleaningReport cleaned, CancellationToken ct)
        {
            guard = CleaningGuard.Review(spec, cleaned);
            if (!guard.Passed)
            {
                var rejected = new CleaningRecord(snapshot.SourceBlob, cleaned, guard);
                (_, string html) = await ReportFiles.WriteAsync(snapshots, reportName, rejected, CleaningReportHtml.Render(rejected), ct);
                throw new DataRejectedException($"'{snapshot.SourceBlob}': {guard.DescribeFailures()} (report {html})");
            }
        }

        StagedFeatureSet staged;
        FeatureSetWrite written;
        try
        {
            (staged, written) = await builder.StageAsync(
                snapshot.Project,
                (output, ct) => FeatureSetEngineering.WriteAsync(spec, snapshot.Columns, Read(snapshots.GetBlobClient(snapshot.SnapshotBlob), ct), output, JudgeCleaningAsync, cancellationToken: ct),
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
        var record = new CleaningRecord(snapshot.SourceBlob, report, guard!);
        (string reportBlob, string reportHtml) = await ReportFiles.WriteAsync(snapshots, reportName, record, CleaningReportHtml.Render(record), cancellationToken);
        string engineeringBlob = $"{snapshot.Project}/engineering/{snapshot.Sha256}-{staged.DefinitionsSha256[..16]}.json";
        await snapshots.GetBlobClient(engineeringBlob).TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(written.Engineering)), cancellationToken);
        return new PublishedFeatureSet(
            commit.Version, commit.Created, reportBlob, report.RowsRead, report.DuplicateRowsDropped, report.InvalidRowsDropped)
        {
            CleaningReportHtmlBlob = reportHtml,
            DuplicateRowsFound = report.DuplicateRowsFound,
            EngineeringReportBlob = engineeringBlob,
            Warnings = [.. guard!.Warnings.Select(w => w.Message), .. written.Engineering.Warnings],
        };
    }

    /// <summary>The cleaning report (JSON) of a snapshot under a set of feature definitions; a feature-set version's record names both hashes.</summary>
    public static string CleaningReportBlob(string project, string snapshotSha256, string definitionsSha256) =>
        CleaningReportName(project, snapshotSha256, definitionsSha256) + ".json";

    /// <summary>The cleaning report's name without extension: <see cref="ReportFiles"/> writes it as .json and .html.</summary>
    private static string CleaningReportName(string project, string snapshotSha256, string definitionsSha256) =>
        $"{project}/cleaning/{snapshotSha256}-{definitionsSha256[..16]}";

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
