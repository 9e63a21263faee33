using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using MLOps.Core.Landing;
using MLOps.Core.Observability;
using MLOps.Core.Storage;
using MLOps.Triggers.Landing;

namespace MLOps.FunctionsApp.Triggers;

/// <summary>
/// A blob created under <c>landing/{project}/</c> starts that project's data pipeline. The trigger is fed by
/// Event Grid rather than container scans, so it fires within seconds and scales to large containers.
/// </summary>
public sealed class LandingBlobFunction(LandingTrigger landing, ILogger<LandingBlobFunction> logger)
{
    [Function("LandingBlob")]
    public async Task RunAsync(
        [BlobTrigger(BlobContainers.Landing + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "Storage")] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted before the event was handled: nothing to ingest, and retrying would not bring it back.
            logger.LogWarning("Landing blob {Blob} no longer exists; nothing started.", LogText.Escape(blob.Name));
            return;
        }

        var landed = new LandingBlob(BlobContainers.Landing, blob.Name, properties.ETag.ToString(), properties.ContentLength);
        LandingOutcome outcome = await landing.OnBlobCreatedAsync(landed, client, "blob", cancellationToken: cancellationToken);
        if (outcome.Held is { } held)
        {
            logger.LogInformation("Landing blob {Blob} is {State}: {Reason}", blob.Name, held.State, held.Reason);
        }
        else if (outcome.Start is null)
        {
            logger.LogWarning("Landing blob {Blob} refused: {Problems}", LogText.Escape(blob.Name), LogText.Escape(string.Join("; ", outcome.Problems)));
        }
    }
}
