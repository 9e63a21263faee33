using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.Events;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Storage;

namespace MLOps.Core.Registry;

/// <summary>
/// A version's package — the MLflow directory and the model card — and the commit that makes the version visible.
/// While a version is staged its files go under <c>_staging/{project}/{name}/{version}/</c>; the commit copies each
/// into the version's folder (create-if-absent), then flips the row to committed under its ETag, then audits. A
/// crash anywhere leaves either an invisible staged version whose retry finishes the same steps, or a committed one
/// whose retry only repeats the (idempotent) audit and lineage.
/// </summary>
public sealed partial class TableModelRegistry
{
    /// <summary>Where staged packages are written; swept by <see cref="StagingSweeper"/> when abandoned.</summary>
    public const string StagingPrefix = "_staging/";

    /// <summary>Every file a version needs before it may be committed.</summary>
    public static readonly IReadOnlyList<string> PackageFiles = [.. MlflowModelDirectory.Files, ModelCardFile];

    public async Task<IReadOnlyList<string>> WriteArtifactsAsync(
        string project, string name, int version, MlflowModelPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        ModelVersion v = await this.RequireAnyVersionAsync(project, name, version, cancellationToken);
        string final = ArtifactPrefix(project, name, version);
        if (v.State == ModelVersionState.Committed)
        {
            // A retry after the commit: the committed package is never rewritten.
            return [.. MlflowModelDirectory.Files.Select(f => final + f)];
        }

        MlflowModelPackage pinned = package with
        {
            RunId = v.RunId,
            CreatedAt = v.CreatedAt,
            ModelUuid = MlflowModelDirectory.DeterministicUuid($"{project}/{name}/{version}"),
        };
        IReadOnlyList<string> staged = await MlflowModelDirectory.WriteAsync(this.Artifacts, StagedPrefix(project, name, version), pinned, cancellationToken);
        return [.. staged.Select(s => final + s[StagedPrefix(project, name, version).Length..])];
    }

    public async Task<string> WriteModelCardAsync(ModelCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ModelVersion v = await this.RequireAnyVersionAsync(card.Project, card.Name, card.Version, cancellationToken);
        BlobContainerClient container = this.Artifacts;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string final = ArtifactPrefix(card.Project, card.Name, card.Version) + ModelCardFile;
        string target = v.State == ModelVersionState.Committed ? final : StagedPrefix(card.Project, card.Name, card.Version) + ModelCardFile;

        // The card restates approval, which changes after registration, so it is rewritten whole (one upload is atomic).
        await container.GetBlobClient(target).UploadAsync(BinaryData.FromString(ModelCardRenderer.ToMarkdown(card)), overwrite: true, cancellationToken);
        return final;
    }

    public async Task<ModelVersion> CommitVersionAsync(string project, string name, int version, CancellationToken cancellationToken = default)
    {
        TableClient client = await this.TableAsync(cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            TableEntity row = await this.GetVersionRowAsync(project, name, version, cancellationToken)
                ?? throw new KeyNotFoundException($"{ModelUri.ForVersion(name, version)} was never registered in project '{project}'.");
            ModelVersion current = RegistryTableLayout.VersionFrom(row);
            if (current.State == ModelVersionState.Committed)
            {
                // Committed by an earlier attempt that may have crashed before its audit record or lineage.
                await this.AuditRegisteredAsync(current, cancellationToken);
                await this.RecordLineageAsync(current, cancellationToken);
                await this.AnnounceAsync(current, cancellationToken);
                return current;
            }

            await this.PromoteStagedFilesAsync(current, cancellationToken);
            ModelVersion committed = current with { State = ModelVersionState.Committed, CommittedAt = clock.GetUtcNow() };
            try
            {
                await client.UpdateEntityAsync(RegistryTableLayout.ToEntity(committed), row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Committed by a concurrent attempt (the next read sees it) or otherwise changed: read again.
                continue;
            }

            await this.AuditRegisteredAsync(committed, cancellationToken);
            await this.RecordLineageAsync(committed, cancellationToken);
            await this.AnnounceAsync(committed, cancellationToken);
            return committed;
        }
    }

    internal static string StagedPrefix(string project, string name, int version) => StagingPrefix + ArtifactPrefix(project, name, version);

    private BlobContainerClient Artifacts => blobs.GetBlobContainerClient(ArtifactContainer);

    /// <summary>
    /// Checks every package file is staged (or already promoted by an interrupted commit), then copies each into the
    /// version's folder. Nothing is copied unless the whole package is there.
    /// </summary>
    private async Task PromoteStagedFilesAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        string final = ArtifactPrefix(version.Project, version.Name, version.Version);
        string staged = StagedPrefix(version.Project, version.Name, version.Version);
        var pending = new List<string>();
        var missing = new List<string>();
        foreach (string file in PackageFiles)
        {
            if (await this.Artifacts.GetBlobClient(final + file).ExistsAsync(cancellationToken))
            {
                continue;
            }

            (await this.Artifacts.GetBlobClient(staged + file).ExistsAsync(cancellationToken) ? pending : missing).Add(file);
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{version.Uri} ({version.Project}) cannot be committed: its package lacks {string.Join(", ", missing)}; it stays staged and invisible.");
        }

        foreach (string file in pending)
        {
            await this.Artifacts.GetBlobClient(final + file).TryCreateFromAsync(this.Artifacts.GetBlobClient(staged + file), cancellationToken);
        }
    }

    /// <summary>
    /// Publishes the version's registration. The audit record is the proof and the event a notification (as for
    /// pipeline events), so a topic outage is logged, not thrown: the version stays committed, and its integration
    /// can be started over HTTP. A retried commit publishes the same event id again, which the webhook ignores.
    /// </summary>
    private async Task AnnounceAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        PlatformEvent registered = ModelRegisteredEvent.For(version);
        try
        {
            await events.PublishAsync(registered, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(ex, "Publishing {Type} for {Subject} failed; start its integration with POST /api/pipelines/ci.",
                registered.Type, registered.Subject);
        }
    }

    private Task<AuditRecord> AuditRegisteredAsync(ModelVersion version, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry(
                version.CreatedBy,
                "registry.version.register",
                version.Uri + $" ({version.Project})",
                AuditHashing.Sha256(version.RunId),
                $"v{version.Version} from run {version.RunId}",
                AuditEventIds.VersionRegistered(version.Project, version.Name, version.Version)),
            cancellationToken);

    private async Task<ModelVersion> RequireAnyVersionAsync(string project, string name, int version, CancellationToken cancellationToken) =>
        await this.GetVersionRowAsync(project, name, version, cancellationToken) is { } row
            ? RegistryTableLayout.VersionFrom(row)
            : throw new KeyNotFoundException($"{ModelUri.ForVersion(name, version)} was never registered in project '{project}'.");
}
