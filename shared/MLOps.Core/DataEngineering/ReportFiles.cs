using Azure.Storage.Blobs;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>Stores a report as JSON and HTML under one deterministic name, write-once (the quality and cleaning reports).</summary>
public static class ReportFiles
{
    /// <returns>The JSON and HTML blob names.</returns>
    public static async Task<(string Json, string Html)> WriteAsync<T>(
        BlobContainerClient container, string name, T report, string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        (string jsonBlob, string htmlBlob) = (name + ".json", name + ".html");
        await container.GetBlobClient(jsonBlob).TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(report)), cancellationToken);
        await container.GetBlobClient(htmlBlob).TryCreateAsync(BinaryData.FromString(html), cancellationToken);
        return (jsonBlob, htmlBlob);
    }
}
