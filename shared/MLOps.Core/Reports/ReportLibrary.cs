using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Storage;
using MLOps.Core.Tracking;

namespace MLOps.Core.Reports;

/// <summary>
/// Finds the platform's reports by the records that name them — a project registration, a feature-set version, a
/// tracked run, a model version — never by a path a caller typed: the caller's words only pick a record and a report
/// name from a fixed list, so no request can reach another blob.
/// </summary>
public sealed class ReportLibrary(
    BlobServiceClient blobs, ProjectRegistry projects, OfflineFeatureStore offline, IExperimentTracker tracker, IModelRegistry registry)
{
    public const string RocPlotArtifact = "plots/roc.svg";

    public const string RocPointsArtifact = "plots/roc.json";

    public static IReadOnlyList<string> ProjectReports { get; } = ["design", "feasibility"];

    public static IReadOnlyList<string> FeatureSetReports { get; } = ["quality", "cleaning", "profile"];

    public static IReadOnlyList<string> RunReports { get; } = ["roc"];

    public static IReadOnlyList<string> ModelReports { get; } = ["card", "build"];

    public async Task<ReportLookup> ProjectAsync(string project, string report, int? version, CancellationToken cancellationToken = default)
    {
        ProjectRegistration? registration = await projects.GetAsync(project, version, cancellationToken);
        if (registration is null)
        {
            return ReportLookup.NotFound(version is null ? $"Project '{project}' is not registered." : $"Project '{project}' has no version {version}.");
        }

        string title = $"{project} v{registration.Version}";
        return report switch
        {
            "design" => Found(await projects.ReadTextAsync(registration.DesignDocumentBlob, cancellationToken), $"Design document: {title}", ReportFormat.Markdown, DataEngineeringJson.Serialize(registration)),
            _ => Found(await projects.ReadTextAsync(registration.FeasibilityReportBlob, cancellationToken), $"Feasibility report: {title}", ReportFormat.Json),
        };
    }

    public async Task<ReportLookup> FeatureSetAsync(string project, string version, string report, CancellationToken cancellationToken = default)
    {
        FeatureSetVersion? featureSet = await offline.GetAsync(project, version, cancellationToken);
        if (featureSet is null)
        {
            return ReportLookup.NotFound($"Project '{project}' has no feature-set version '{version}'.");
        }

        string title = $"{report} report: {project} feature set v{featureSet.Version}";
        string? blob = report switch
        {
            "quality" => featureSet.QualityReportBlob,
            "profile" => featureSet.ProfileBlob,
            _ => FeatureSetPublisher.CleaningReportBlob(project, featureSet.RawSnapshotSha256, featureSet.DefinitionsSha256),
        };
        string? json = blob is null ? null : await this.ReadSnapshotAsync(blob, cancellationToken);
        if (json is null)
        {
            return ReportLookup.NotFound($"Feature-set version {featureSet.Version} of '{project}' has no {report} report.");
        }

        string? html = report == "quality" ? await this.ReadSnapshotAsync(Path.ChangeExtension(blob!, ".html"), cancellationToken) : null;
        return ReportLookup.Found(new ReportDocument(title, ReportFormat.Json, json, html));
    }

    public async Task<ReportLookup> RunAsync(string project, string runId, string report, bool points, CancellationToken cancellationToken = default)
    {
        if (await tracker.GetRunAsync(project, runId, cancellationToken) is null)
        {
            return ReportLookup.NotFound($"Project '{project}' has no run '{runId}'.");
        }

        BinaryData? content = await tracker.ReadArtifactAsync(project, runId, points ? RocPointsArtifact : RocPlotArtifact, cancellationToken);
        return content is null
            ? ReportLookup.NotFound($"Run '{runId}' has no {report} plot: only the refitted best run of a binary experiment has one.")
            : ReportLookup.Found(new ReportDocument($"ROC curve: {runId} holdout", points ? ReportFormat.Json : ReportFormat.Svg, content.ToString()));
    }

    public async Task<ReportLookup> ModelAsync(string project, string name, int version, string report, CancellationToken cancellationToken = default)
    {
        ModelVersion? found = await registry.GetVersionAsync(project, name, version, cancellationToken);
        if (found is null)
        {
            return ReportLookup.NotFound($"Model '{name}' of project '{project}' has no version {version}.");
        }

        if (report == "build")
        {
            return await this.BuildAsync(found, cancellationToken);
        }

        string? card = await registry.ReadModelCardAsync(project, name, version, cancellationToken);
        return card is null
            ? ReportLookup.NotFound($"Version {version} of model '{name}' has no {report} yet.")
            : Found(card, string.Create(CultureInfo.InvariantCulture, $"Model card: {name} v{version}"), ReportFormat.Markdown, DataEngineeringJson.Serialize(found));
    }

    /// <summary>The record and HTML report of the version's latest continuous-integration build.</summary>
    private async Task<ReportLookup> BuildAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        if (version.Package.Checks is not { } checks)
        {
            return ReportLookup.NotFound($"Version {version.Version} of model '{version.Name}' has no integration build yet; POST /api/pipelines/ci starts one.");
        }

        string? json = await this.ReadAsync(BlobContainers.Builds, checks.Record, cancellationToken);
        return json is null
            ? ReportLookup.NotFound($"The record '{checks.Record}' of build {checks.BuildId} is missing.")
            : ReportLookup.Found(new ReportDocument(
                string.Create(CultureInfo.InvariantCulture, $"Integration build: {version.Name} v{version.Version}, package {version.Package.Digest}"),
                ReportFormat.Json,
                json,
                await this.ReadAsync(BlobContainers.Builds, checks.Report, cancellationToken)));
    }

    private static ReportLookup Found(string content, string title, ReportFormat format, string? record = null) =>
        ReportLookup.Found(new ReportDocument(title, format, content, RecordJson: record));

    private Task<string?> ReadSnapshotAsync(string blob, CancellationToken cancellationToken) => this.ReadAsync(BlobContainers.Snapshots, blob, cancellationToken);

    private async Task<string?> ReadAsync(string container, string blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blobs.GetBlobContainerClient(container).GetBlobClient(blob).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
