using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.DataEngineering;
using MLOps.Core.Events;
using MLOps.Core.Integration.Reports;
using MLOps.Core.Lineage;
using MLOps.Core.Registry;
using MLOps.Core.Storage;

namespace MLOps.Core.Integration.Builds;

/// <summary>
/// Records a finished build: its HTML report, then its record (<see cref="BuildLayout"/>, both create-if-absent, the
/// record last), its lineage (feature set → run → model version → package → build), its state on the registry's
/// version, an audit record, and the platform event <c>PackageBuilt</c> or <c>BuildFailed</c>. Every step is keyed by
/// the build, so a retried activity finds the record already written, keeps it, and repeats the idempotent rest.
/// </summary>
public sealed class BuildRecorder(
    BlobServiceClient blobs,
    LineageStore lineage,
    IModelRegistry registry,
    IAuditLog audit,
    IPlatformEventPublisher events,
    ILogger<BuildRecorder> logger)
{
    public const string Actor = "system:ci";

    public async Task<IntegrationBuild> RecordAsync(BuildRecordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckTarget target = request.Target;
        ModelVersion version = await registry.GetVersionAsync(target.Project, target.Model, target.Version, cancellationToken)
            ?? throw new KeyNotFoundException($"{ModelUri.ForVersion(target.Model, target.Version)} is not a committed version of project '{target.Project}'.");
        IntegrationBuild build = await this.WriteOnceAsync(IntegrationBuild.From(request), cancellationToken);
        await lineage.RecordAsync(Edges(version, build), cancellationToken);
        await registry.RecordCheckedBuildAsync(
            build.Project, build.Model, build.Version, build.Digest,
            new CheckedBuild(build.BuildId, build.Passed, build.Summary, build.FailedChecks, build.Record, build.Report, build.FinishedAt),
            cancellationToken);
        await audit.AppendAsync(
            new AuditEntry(
                Actor,
                build.Passed ? "integration.build.passed" : "integration.build.failed",
                $"{version.Uri} ({version.Project})",
                build.Digest,
                build.Summary,
                AuditEventIds.IntegrationBuild(build.Project, build.Model, build.Version, build.BuildId)),
            cancellationToken);
        await this.PublishAsync(build, cancellationToken);
        return build;
    }

    /// <summary>The stored build, which may hold a retried build's first record; null when it has none.</summary>
    public async Task<IntegrationBuild?> ReadAsync(string record, CancellationToken cancellationToken = default)
    {
        try
        {
            BinaryData content = (await blobs.GetBlobContainerClient(BlobContainers.Builds).GetBlobClient(record).DownloadContentAsync(cancellationToken)).Value.Content;
            return DataEngineeringJson.Deserialize<IntegrationBuild>(content.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<IntegrationBuild> WriteOnceAsync(IntegrationBuild build, CancellationToken cancellationToken)
    {
        BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.Builds);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (await this.ReadAsync(build.Record, cancellationToken) is { } stored)
        {
            return stored;
        }

        await container.GetBlobClient(build.Report).TryCreateAsync(BinaryData.FromString(BuildReportHtml.Render(build.ToVerdict())), cancellationToken);
        return await container.GetBlobClient(build.Record).TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(build)), cancellationToken)
            ? build
            : await this.ReadAsync(build.Record, cancellationToken) ?? build;
    }

    private static LineageEdge[] Edges(ModelVersion version, IntegrationBuild build)
    {
        LineageNode model = LineageNode.ModelVersion(version.Project, version.Name, version.Version);
        LineageNode run = LineageNode.Run(version.Project, version.RunId);
        LineageNode package = LineageNode.ModelPackage(build.Digest);
        var verdict = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["passed"] = build.Passed ? "true" : "false",
            ["failedChecks"] = string.Join(",", build.FailedChecks),
            ["record"] = build.Record,
        };
        return
        [
            new LineageEdge(LineageNode.FeatureSetVersion(version.Project, version.FeatureSetVersion), run, LineageRelations.TrainedOn, version.CreatedAt,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = version.FeatureSetSha256 }),
            new LineageEdge(run, model, LineageRelations.ProducedBy, version.CreatedAt),
            new LineageEdge(model, package, LineageRelations.PackageOf, build.FinishedAt),
            new LineageEdge(package, LineageNode.Build(build.Project, build.Model, build.Version, build.BuildId), LineageRelations.CheckOf, build.FinishedAt, verdict),
        ];
    }

    /// <summary>As for pipeline events: the audit record is the proof, the event a notification, so a topic outage is logged.</summary>
    private async Task PublishAsync(IntegrationBuild build, CancellationToken cancellationToken)
    {
        string type = build.Passed ? PlatformEventTypes.PackageBuilt : PlatformEventTypes.BuildFailed;
        var built = new PlatformEvent(
            $"{build.BuildId}:{(build.Passed ? "package-built" : "build-failed")}",
            type,
            $"projects/{build.Project}/models/{build.Model}/versions/{build.Version}/builds/{build.BuildId}",
            BuildEvent.Of(build));
        try
        {
            await events.PublishAsync(built, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(ex, "Publishing {Type} for build {BuildId} failed; its record {Record} stands.", type, build.BuildId, build.Record);
        }
    }
}
