using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>Stores a cleaning record as JSON and HTML under one deterministic name, write-once like the quality report.</summary>
public static class CleaningReportFiles
{
    /// <returns>The JSON and HTML blob names.</returns>
    public static async Task<(string Json, string Html)> WriteAsync(
        BlobContainerClient container, string name, CleaningRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(record);
        (string json, string html) = (name + ".json", name + ".html");
        await container.GetBlobClient(json).TryCreateAsync(BinaryData.FromString(DataEngineeringJson.Serialize(record)), cancellationToken);
        await container.GetBlobClient(html).TryCreateAsync(BinaryData.FromString(CleaningReportHtml.Render(record)), cancellationToken);
        return (json, html);
    }
}
