using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Serialization;
using MLOps.Core.Storage;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// Versioned, content-addressed feature sets in Blob storage. Data files are write-once by hash; a version is
/// the create-if-absent of the next number, so concurrent commits never overwrite each other and re-committing
/// the same bytes under the same definitions returns the existing version.
/// </summary>
public sealed class OfflineFeatureStore(BlobServiceClient blobs, TimeProvider time)
{
    private const int CommitAttempts = 50;

    /// <summary>The version records' JSON: enums by name, numbers finite or null.</summary>
    public static JsonSerializerOptions Json { get; } = FiniteJson.AddTo(new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    });

    public OfflineFeatureStore(BlobServiceClient blobs)
        : this(blobs, TimeProvider.System)
    {
    }

    private BlobContainerClient Snapshots => blobs.GetBlobContainerClient(BlobContainers.Snapshots);

    /// <summary>Moves the staged file to its content address (the staging blob is deleted either way) and records a version.</summary>
    public async Task<FeatureSetCommit> CommitAsync(StagedFeatureSet staged, FeatureSetProvenance provenance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(provenance);
        string dataBlob = FeatureStoreLayout.Data(staged.Project, staged.Sha256);
        await this.Snapshots.GetBlobClient(dataBlob).TryCreateFromAsync(this.Snapshots.GetBlobClient(staged.StagingBlob), cancellationToken);
        for (int attempt = 0; attempt < CommitAttempts; attempt++)
        {
            IReadOnlyList<FeatureSetVersion> versions = await this.ListAsync(staged.Project, cancellationToken);
            if (versions.FirstOrDefault(v => v.Sha256 == staged.Sha256 && v.DefinitionsSha256 == staged.DefinitionsSha256) is { } existing)
            {
                return new FeatureSetCommit(existing, Created: false);
            }

            FeatureSetVersion next = NewVersion(staged, provenance, dataBlob, versions.Count == 0 ? 1 : versions[^1].Version + 1, time.GetUtcNow());
            BlobClient record = this.Snapshots.GetBlobClient(FeatureStoreLayout.Version(staged.Project, next.Version));
            if (await record.TryCreateAsync(BinaryData.FromObjectAsJson(next, Json), cancellationToken))
            {
                return new FeatureSetCommit(next, Created: true);
            }

            // Another commit took the number: re-read, which may also find that it committed these very bytes.
        }

        throw new InvalidOperationException($"Could not commit a feature-set version of '{staged.Project}' after {CommitAttempts} attempts.");
    }

    /// <summary>Every version of a project, oldest first.</summary>
    public async Task<IReadOnlyList<FeatureSetVersion>> ListAsync(string project, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        var versions = new List<FeatureSetVersion>();
        if (!await this.Snapshots.ExistsAsync(cancellationToken))
        {
            return versions;
        }

        await foreach (BlobItem item in this.Snapshots.GetBlobsAsync(new GetBlobsOptions { Prefix = FeatureStoreLayout.VersionsPrefix(project) }, cancellationToken))
        {
            versions.Add((await this.ReadVersionAsync(item.Name, cancellationToken))!);
        }

        return [.. versions.OrderBy(v => v.Version)];
    }

    private async Task<FeatureSetVersion?> ReadVersionAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            BinaryData content = (await this.Snapshots.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content;
            return content.ToObjectFromJson<FeatureSetVersion>(Json) ?? throw new InvalidDataException($"The version record '{name}' is empty.");
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// A version by "latest", by number, or by a prefix of its data hash (at least 8 hex digits, newest match);
    /// null when there is none.
    /// </summary>
    public async Task<FeatureSetVersion?> GetAsync(string project, string selector, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        if (string.Equals(selector, "latest", StringComparison.OrdinalIgnoreCase))
        {
            // Zero-padded record names list in version order: the last name is the latest, one download.
            string? last = null;
            if (await this.Snapshots.ExistsAsync(cancellationToken))
            {
                await foreach (BlobItem item in this.Snapshots.GetBlobsAsync(new GetBlobsOptions { Prefix = FeatureStoreLayout.VersionsPrefix(project) }, cancellationToken))
                {
                    last = item.Name;
                }
            }

            return last is null ? null : await this.ReadVersionAsync(last, cancellationToken);
        }

        if (int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && selector.Length < 8)
        {
            return await this.ReadVersionAsync(FeatureStoreLayout.Version(project, number), cancellationToken);
        }

        IReadOnlyList<FeatureSetVersion> versions = await this.ListAsync(project, cancellationToken);

        if (selector.Length < 8 || !selector.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"'{selector}' is neither 'latest', a version number nor a hash prefix of at least 8 hex digits.", nameof(selector));
        }

        return versions.LastOrDefault(v => v.Sha256.StartsWith(selector, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The version's rows, one frame per Parquet row group.</summary>
    public async IAsyncEnumerable<FeatureFrame> ReadAsync(FeatureSetVersion version, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using Stream data = await this.Snapshots.GetBlobClient(version.DataBlob).OpenReadAsync(cancellationToken: cancellationToken);
        await foreach (FeatureFrame frame in FeatureParquetReader.ReadAsync(data, cancellationToken))
        {
            yield return frame;
        }
    }

    /// <summary>
    /// For each label event, the latest feature row of its key with event time at or before the label's time —
    /// never a later one, which would leak the future into training. Labels with no such row are dropped. The
    /// result keeps the labels' order; its event times are the label times.
    /// </summary>
    public Task<FeatureFrame> PointInTimeAsync(FeatureSetVersion version, IReadOnlyList<LabelEvent> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.EventTime is null)
        {
            throw new ArgumentException($"Version {version.Version} of '{version.Project}' has no event-time column, so it cannot be joined point-in-time.", nameof(version));
        }

        return PointInTimeJoin.JoinAsync(this.ReadAsync(version, cancellationToken), version.Features, labels, cancellationToken);
    }

    private static FeatureSetVersion NewVersion(StagedFeatureSet staged, FeatureSetProvenance provenance, string dataBlob, int number, DateTimeOffset now) => new()
    {
        Project = staged.Project,
        Version = number,
        Sha256 = staged.Sha256,
        DataBlob = dataBlob,
        Rows = staged.Rows,
        EntityKey = staged.Table.EntityKey,
        EventTime = staged.Table.EventTime,
        Label = staged.Table.Label,
        Features = staged.Table.Features,
        DefinitionsSha256 = staged.DefinitionsSha256,
        SourceBlob = provenance.SourceBlob,
        SourceETag = provenance.SourceETag,
        SourceMd5 = provenance.SourceMd5,
        RawSnapshotSha256 = provenance.RawSnapshotSha256,
        SpecSha256 = provenance.SpecSha256,
        ProfileBlob = provenance.ProfileBlob,
        QualityReportBlob = provenance.QualityReportBlob,
        CreatedAt = now,
        Split = staged.Split,
        Fitted = staged.Fitted,
    };
}
