using System.Collections.Concurrent;
using MLOps.Core.Events;

namespace MLOps.IntegrationTests.Registry;

/// <summary>Keeps every event published through it, in order, so a test can read what a component announced.</summary>
internal sealed class RecordingPublisher : IPlatformEventPublisher
{
    private readonly ConcurrentQueue<PlatformEvent> published = new();

    public IReadOnlyList<PlatformEvent> Published => [.. this.published];

    public Task PublishAsync(PlatformEvent platformEvent, CancellationToken cancellationToken = default)
    {
        this.published.Enqueue(platformEvent);
        return Task.CompletedTask;
    }
}
