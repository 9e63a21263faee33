using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.Projects;
using ProjectSpec = MLOps.Core.Requirements.ProjectSpec;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Checks a snapshot against its project's registered data rules and keeps the quality report (JSON and HTML)
/// next to it, named by the snapshot's and the spec's hashes: the same data under the same rules is judged once.
/// </summary>
public sealed class SnapshotValidator(BlobServiceClient blobs, SnapshotProfiler profiler, ProjectRegistry registry)
{
    public async Task<QualitySummary> ValidateAsync(ValidateSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IngestedFile snapshot = request.Snapshot;
        ProjectSpec spec = await registry.LoadSpecAsync(request.SpecBlob, cancellationToken);
        DatasetProfile profile = await profiler.LoadAsync(snapshot, cancellationToken);
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        await using Stream content = await snapshots.GetBlobClient(snapshot.SnapshotBlob).OpenReadAsync(cancellationToken: cancellationToken);
        await using var reader = new CsvRecordReader(content);
        QualityReport report = await new DataValidator().ValidateAsync(
            snapshot.SourceBlob, profile, DataContract.ValidationRules(spec), reader.ReadBatchesAsync(cancellationToken), cancellationToken);

        string name = $"{snapshot.Project}/quality/{snapshot.Sha256}-{Path.GetFileNameWithoutExtension(request.SpecBlob)[..16]}";
        (string json, string html) = await ReportFiles.WriteAsync(snapshots, name, report, QualityReportHtml.Render(report), cancellationToken);
        return new QualitySummary(
            report.Status,
            json,
            html,
            report.Results.Where(r => !r.Passed && r.Severity == RuleSeverity.Hard).Select(r => r.Describe()).ToArray(),
            report.Results.Where(r => !r.Passed && r.Severity == RuleSeverity.Soft).Select(r => r.Describe()).ToArray());
    }
}
