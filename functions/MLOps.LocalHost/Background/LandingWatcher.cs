using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MLOps.Core.Landing;
using MLOps.Core.Observability;
using MLOps.Core.Storage;
using MLOps.Triggers.Landing;

namespace MLOps.LocalHost.Background;

public sealed class LandingWatcherOptions
{
    public const string SectionName = "LandingWatcher";

    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The local stand-in for the Blob trigger's Event Grid source: polls the landing container and hands every
/// new blob version to <see cref="LandingTrigger"/>. Starting is idempotent per blob version, so a restart that
/// sees old blobs again starts nothing.
/// </summary>
public sealed class LandingWatcher(
    BlobServiceClient blobs,
    DurableTaskClient client,
    LandingTrigger trigger,
    IOptions<LandingWatcherOptions> options,
    ILogger<LandingWatcher> logger) : BackgroundService
{
    private readonly HashSet<(string Name, string ETag)> seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        BlobContainerClient landing = blobs.GetBlobContainerClient(BlobContainers.Landing);
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await landing.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await foreach (BlobItem item in landing.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    string etag = item.Properties.ETag?.ToString() ?? string.Empty;
                    if (this.seen.Add((item.Name, etag)))
                    {
                        await this.HandleAsync(new LandingBlob(BlobContainers.Landing, item.Name, etag, item.Properties.ContentLength), stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Polling the landing container failed; retrying.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task HandleAsync(LandingBlob blob, CancellationToken cancellationToken)
    {
        try
        {
            LandingOutcome outcome = await trigger.OnBlobCreatedAsync(blob, client, "blob", cancellationToken: cancellationToken);
            if (outcome.Held is { } held)
            {
                logger.LogInformation("Landed blob {Blob} is {State}: {Reason}", blob.Name, held.State, held.Reason);
            }
            else if (outcome.Start is null)
            {
                logger.LogWarning("Landed blob {Blob} refused: {Problems}", LogText.Escape(blob.Name), LogText.Escape(string.Join("; ", outcome.Problems)));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Forget it so the next poll tries again.
            this.seen.Remove((blob.Name, blob.ETag));
            logger.LogError(ex, "Starting the data pipeline for {Blob} failed; will retry.", LogText.Escape(blob.Name));
        }
    }
}
