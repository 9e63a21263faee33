using System.Collections.Concurrent;
using MLOps.Core.Events;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps every event published through it, in order, so a test can read what a component announced; with
/// <paramref name="next"/> it also passes each one on (to the real topic client).
/// </summary>
internal sealed class RecordingPublisher(IPlatformEventPublisher? next = null) : IPlatformEventPublisher
{
    private readonly ConcurrentQueue<PlatformEvent> published = new();

    public IReadOnlyList<PlatformEvent> Published => [.. this.published];

    public async Task PublishAsync(PlatformEvent platformEvent, CancellationToken cancellationToken = default)
    {
        this.published.Enqueue(platformEvent);
        if (next is not null)
        {
            await next.PublishAsync(platformEvent, cancellationToken);
        }
    }
}
