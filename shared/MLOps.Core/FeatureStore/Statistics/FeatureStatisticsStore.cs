using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using MLOps.Core.Serialization;
using MLOps.Core.Storage;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// Feature statistics as JSON beside the version: snapshots/{project}/features/stats/{version:D6}.json, written
/// once (create-if-absent). A version's statistics never change, so a second write of the same version is
/// dropped and the first one stays.
/// </summary>
public sealed class FeatureStatisticsStore(BlobServiceClient blobs)
{
    public static JsonSerializerOptions Json { get; } = FiniteJson.AddTo(new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    });

    public static string BlobName(string project, int version) => $"{project}/features/stats/{version:D6}.json";

    /// <summary>True when this call stored the statistics; false when the version already had them.</summary>
    public async Task<bool> SaveAsync(FeatureStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return await container.GetBlobClient(BlobName(statistics.Project, statistics.Version))
            .TryCreateAsync(BinaryData.FromString(JsonSerializer.Serialize(statistics, Json)), cancellationToken);
    }

    public async Task<FeatureStatistics?> LoadAsync(string project, int version, CancellationToken cancellationToken = default)
    {
        BlobClient blob = blobs.GetBlobContainerClient(BlobContainers.Snapshots).GetBlobClient(BlobName(project, version));
        try
        {
            BinaryData content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
            return content.ToObjectFromJson<FeatureStatistics>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
