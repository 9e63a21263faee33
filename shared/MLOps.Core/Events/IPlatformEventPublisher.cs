namespace MLOps.Core.Events;

public interface IPlatformEventPublisher
{
    Task PublishAsync(PlatformEvent platformEvent, CancellationToken cancellationToken = default);
}
