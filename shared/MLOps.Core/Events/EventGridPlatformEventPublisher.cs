using Azure;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.Observability;

namespace MLOps.Core.Events;

/// <summary>Publishes platform events to the configured Event Grid topic in the Event Grid schema.</summary>
public sealed class EventGridPlatformEventPublisher(
    IOptions<EventGridOptions> options, PlatformMetrics metrics, ILogger<EventGridPlatformEventPublisher> logger)
    : IPlatformEventPublisher
{
    private readonly EventGridPublisherClient? client = Create(options.Value);

    public async Task PublishAsync(PlatformEvent platformEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(platformEvent);
        if (this.client is null)
        {
            logger.LogInformation("Event {Type} for {Subject} not published: no EventGrid:TopicEndpoint is configured.",
                platformEvent.Type, platformEvent.Subject);
            return;
        }

        var gridEvent = new EventGridEvent(platformEvent.Subject, platformEvent.Type, "1.0", platformEvent.Data)
        {
            Id = platformEvent.Id,
        };
        await this.client.SendEventAsync(gridEvent, cancellationToken);
        metrics.EventPublished(platformEvent.Type);
    }

    private static EventGridPublisherClient? Create(EventGridOptions options) =>
        string.IsNullOrWhiteSpace(options.TopicEndpoint)
            ? null
            : new EventGridPublisherClient(new Uri(options.TopicEndpoint), new AzureKeyCredential(options.TopicKey ?? string.Empty));
}
